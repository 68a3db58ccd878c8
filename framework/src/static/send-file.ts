/**
 * `sendFile`: a file as a response, as Werkzeug's `send_file` makes it: Content-Type from the
 * name, ETag and Last-Modified, conditional requests (304/412), single byte ranges (206/416), and
 * `Cache-Control: no-cache` unless a max age is given (Flask's `SEND_FILE_MAX_AGE_DEFAULT = None`:
 * browsers keep the file but check with the server, cheaply thanks to the ETag, before reuse).
 */
import { contentTypeFor } from "./content-type.ts";
import { evaluatePreconditions, validatorsOf } from "./conditional.ts";
import type { StaticFile } from "./file-source.ts";
import { selectRange } from "./range.ts";

/**
 * Options of `sendFile`.
 *
 * @example
 * ```ts
 * import { Vial, sendFile, type SendFileOptions } from "vial";
 *
 * const page = new TextEncoder().encode("# Release notes");
 * // The file name has no extension, so say what it is; caches may keep it for ten minutes.
 * const options: SendFileOptions = { contentType: "text/markdown; charset=utf-8", maxAge: 600 };
 * const app = new Vial();
 * app.get("/NOTES", (req) =>
 *   sendFile(req, { size: page.length, open: (range) => (range ? page.slice(range.start, range.end + 1) : page) }, options),
 * );
 * ```
 */
export interface SendFileOptions {
  /** The file's name or path, for its Content-Type (when `contentType` is not given). */
  path?: string;
  /** The Content-Type, overriding the one from `path`. */
  contentType?: string;
  /**
   * Seconds browsers and proxies may reuse the file without asking: `public, max-age=N`.
   * Default (and 0): `no-cache`, they revalidate each time.
   */
  maxAge?: number;
}

/**
 * The request parts `sendFile` reads: a Vial `req` or a standard `Request`.
 *
 * @example
 * ```ts
 * import { sendFile, type ConditionalRequest, type StaticFile } from "vial";
 *
 * const hello = new TextEncoder().encode("Hello");
 * const file: StaticFile = { size: hello.length, open: (range) => (range ? hello.slice(range.start, range.end + 1) : hello) };
 *
 * // A plain fetch handler, no Vial app: a standard Request has the method and headers it needs.
 * async function handle(request: Request): Promise<Response> {
 *   const conditional: ConditionalRequest = request;
 *   return sendFile(conditional, file, { path: "hello.txt" });
 * }
 * ```
 */
export interface ConditionalRequest {
  readonly method: string;
  readonly headers: Headers;
}

/** `Cache-Control` for a max age: `public, max-age=N`, or `no-cache` for none. */
export function cacheControlFor(maxAge: number | undefined): string {
  if (maxAge !== undefined && (!Number.isInteger(maxAge) || maxAge < 0)) {
    throw new RangeError(`maxAge must be a whole number of seconds (0 or more), got ${maxAge}.`);
  }
  return maxAge ? `public, max-age=${maxAge}` : "no-cache";
}

/**
 * Answers `req` with `file`: 200 with the body (none for HEAD), 206 for a satisfiable `Range`,
 * 304 when the client's copy is current, 412 when If-Match / If-Unmodified-Since fail, 416 for a
 * range past the end. The file is opened only when a body is sent.
 *
 * @example
 * ```ts
 * import { Vial, sendFile, type ByteRange } from "vial";
 * const app = new Vial();
 * const logo = new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>");
 * const file = { size: logo.length, open: (range?: ByteRange) => (range ? logo.slice(range.start, range.end + 1) : logo) };
 * app.get("/logo.svg", (req) => sendFile(req, file, { path: "logo.svg", maxAge: 3600 }));
 * ```
 */
export async function sendFile(req: ConditionalRequest, file: StaticFile, options: SendFileOptions = {}): Promise<Response> {
  const validators = validatorsOf(file);
  const headers = new Headers({ "cache-control": cacheControlFor(options.maxAge) });
  if (validators.etag) headers.set("etag", validators.etag);
  if (validators.lastModified) headers.set("last-modified", validators.lastModified.toUTCString());

  const method = req.method.toUpperCase();
  const outcome = evaluatePreconditions(method, req.headers, validators);
  if (outcome === "not-modified") return new Response(null, { status: 304, headers });
  if (outcome === "precondition-failed") return new Response(null, { status: 412, headers });

  headers.set("content-type", options.contentType ?? contentTypeFor(options.path ?? ""));
  headers.set("accept-ranges", "bytes");
  const selection = method === "GET" ? selectRange(req.headers, file.size, validators) : { kind: "full" as const };
  if (selection.kind === "unsatisfiable") {
    headers.set("content-range", `bytes */${file.size}`);
    headers.delete("content-type");
    return new Response(null, { status: 416, headers });
  }
  if (selection.kind === "partial") {
    const { start, end } = selection.range;
    headers.set("content-range", `bytes ${start}-${end}/${file.size}`);
    headers.set("content-length", String(end - start + 1));
    return new Response(await file.open(selection.range), { status: 206, headers });
  }
  headers.set("content-length", String(file.size));
  if (method === "HEAD") return new Response(null, { status: 200, headers });
  return new Response(await file.open(), { status: 200, headers });
}
