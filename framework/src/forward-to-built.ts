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
  for (const key of Object.getOwnPropertyNames(native)) {
    if (key === "constructor" || Object.hasOwn(prototype, key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(native, key)!;
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
