/**
 * The core's stand-ins for a `Response` (deferred-response.ts) and vial/node's for a `Request`
 * (node/deferred-request.ts) answer a few members themselves and read everything else from the
 * real object, built on first need. This is that "everything else", for either.
 */

/**
 * Defines on `prototype` every member of `native` (`Request.prototype`, `Response.prototype`) it
 * does not define itself, each read from `build(this)`; then makes `instanceof` hold.
 *
 * @example
 * ```ts
 * import { forwardToBuilt } from "./forward-to-built.ts";
 * class LazyResponse {
 *   #built: Response | undefined;
 *   build(): Response {
 *     return (this.#built ??= new Response("made late"));
 *   }
 * }
 * forwardToBuilt(LazyResponse.prototype, Response.prototype, (self) => (self as LazyResponse).build());
 * await (new LazyResponse() as unknown as Response).text(); // "made late"
 * ```
 */
export function forwardToBuilt<T extends object>(prototype: object, native: T, build: (self: object) => T): void {
  for (const [key, descriptor] of membersAlongChain(native)) {
    if (key === "constructor" || Object.hasOwn(prototype, key)) continue;
    if (typeof descriptor.value === "function") {
      Object.defineProperty(prototype, key, {
        configurable: true,
        writable: true,
        value(this: object, ...args: unknown[]) {
          const real = build(this);
          return (real[key as keyof T] as (...a: unknown[]) => unknown).apply(real, args);
        },
      });
    } else if (descriptor.get) {
      Object.defineProperty(prototype, key, {
        configurable: true,
        get(this: object) {
          return build(this)[key as keyof T];
        },
      });
    }
  }
  // `instanceof` holds, and anything not defined above is found on the native prototype itself.
  Object.setPrototypeOf(prototype, native);
}

/**
 * Every member of `native` and of the prototypes it inherits from (up to `Object.prototype`),
 * the nearest first. A sandbox may install a subclass of `Response` that overrides only
 * `headers` (the worker engine does, to keep `Set-Cookie`): `body`, `text()` and the rest then
 * live one prototype further up, and a native getter reached through the chain would be called
 * on the stand-in and throw "Illegal invocation".
 */
function membersAlongChain(native: object): [string, PropertyDescriptor][] {
  const members: [string, PropertyDescriptor][] = [];
  const seen = new Set<string>();
  for (let at: object | null = native; at && at !== Object.prototype; at = Object.getPrototypeOf(at) as object | null) {
    for (const key of Object.getOwnPropertyNames(at)) {
      if (seen.has(key)) continue;
      seen.add(key);
      members.push([key, Object.getOwnPropertyDescriptor(at, key)!]);
    }
  }
  return members;
}
