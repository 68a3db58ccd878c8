/**
 * Reading a request the cheap way when it is a deferred one (see `deferred-request.ts`): one
 * header without making `Headers`, the pathname without parsing the URL, the body without a
 * stream. For any other request these read it the standard way.
 */
import { BODY_READER, HEADER_VALUE, PATHNAME, type BodyReader } from "./deferred-request.ts";

type ReadBodyDirectly = (open: boolean) => BodyReader | null | boolean;

/**
 * `request.headers.get(name)`, without making the headers of a deferred request that has not
 * needed them yet.
 *
 * @example
 * ```ts
 * import { headerValue } from "./deferred-reads.ts";
 * headerValue(new Request("http://localhost/", { headers: { cookie: "a=1" } }), "cookie"); // "a=1"
 * ```
 */
export function headerValue(request: Request, name: string): string | null {
  const read = (request as { [HEADER_VALUE]?: (name: string) => string | null })[HEADER_VALUE];
  return typeof read === "function" ? read.call(request, name) : request.headers.get(name);
}

/**
 * `new URL(request.url).pathname`, taken from a deferred request that knows it (no parsing);
 * `undefined` otherwise.
 *
 * @example
 * ```ts
 * import { knownPathname } from "./deferred-reads.ts";
 * knownPathname(new Request("http://localhost/a?b")); // undefined: parse the URL
 * ```
 */
export function knownPathname(request: Request): string | undefined {
  return (request as { [PATHNAME]?: string })[PATHNAME];
}

/**
 * For body parsers: whether `request` is a deferred request whose body nothing has touched yet
 * and can be read without making a stream (`openDirectBodyReader`).
 *
 * @example
 * ```ts
 * import { canReadBodyDirectly } from "./deferred-reads.ts";
 * canReadBodyDirectly(new Request("http://localhost/", { method: "POST", body: "x" })); // false
 * ```
 */
export function canReadBodyDirectly(request: Request): boolean {
  const reader = (request as { [BODY_READER]?: ReadBodyDirectly })[BODY_READER];
  return typeof reader === "function" && reader.call(request, false) === true;
}

/**
 * Opens the body of a request `canReadBodyDirectly` approved: a reader, or `null` when it has no
 * body. From then on the body reads as used.
 *
 * @example
 * ```ts
 * import { canReadBodyDirectly, openDirectBodyReader } from "./deferred-reads.ts";
 * declare const request: Request;
 * const reader = canReadBodyDirectly(request) ? openDirectBodyReader(request) : request.body?.getReader();
 * ```
 */
export function openDirectBodyReader(request: Request): BodyReader | null {
  const reader = (request as unknown as { [BODY_READER]: ReadBodyDirectly })[BODY_READER].call(request, true);
  if (typeof reader === "boolean") throw new TypeError("This request's body cannot be read directly.");
  return reader;
}
