/**
 * Where static files come from, kept abstract so the same serving code runs on Node (files on
 * disk, `vial/node`), in a browser Worker or a WebContainer (files in memory), or anywhere else.
 */

/** A byte range, both ends inclusive (as in `Content-Range`). @example `const firstKilobyte: vial.ByteRange = { start: 0, end: 1023 }` */
export interface ByteRange {
  start: number;
  end: number;
}

/** The body of a file (or of a range of it): bytes, or a stream of them. @example `const body: vial.FileBody = new TextEncoder().encode("hi")` */
export type FileBody = Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;

/**
 * A file found by a {@link FileSource}: its size and dates, and a way to read it when needed.
 *
 * @example `const file: vial.StaticFile = { size: 2, modified: new Date(), open: () => new TextEncoder().encode("hi") }`
 */
export interface StaticFile {
  /** Size in bytes. */
  size: number;
  /** Last modification time; gives `Last-Modified` and, with the size, the ETag. */
  modified?: Date;
  /** A full entity tag (`"abc"` or `W/"abc"`) when the source knows a better one, e.g. a content hash. */
  etag?: string;
  /** The bytes (of `range` only, when given). Called only when a body is sent: not for HEAD or 304. */
  open(range?: ByteRange): FileBody | Promise<FileBody>;
}

/**
 * Finds a file by path. The path is always relative, normalized and already checked with
 * `safeJoin` (no `..`, no leading `/`, no backslash, NUL or device name). Resolves `undefined` for
 * anything that is not a regular file (missing, a directory), which becomes 404.
 *
 * @example
 * ```ts
 * import type { FileSource } from "vial";
 * const files = new Map([["hello.txt", new TextEncoder().encode("Hello")]]);
 * const source: FileSource = async (path) => {
 *   const bytes = files.get(path);
 *   return bytes && { size: bytes.length, open: (range) => (range ? bytes.subarray(range.start, range.end + 1) : bytes) };
 * };
 * ```
 */
export type FileSource = (path: string) => Promise<StaticFile | undefined>;

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A strong ETag from the content itself: the first 128 bits of its SHA-256. */
async function contentTag(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `"${base64url(digest.subarray(0, 16))}"`;
}

/**
 * A {@link FileSource} over files held in memory, by relative path (bytes are copied, so later
 * changes to the given arrays do not show). Each file's ETag is a hash of its content (computed
 * once), so it is the same in every process that holds the same bytes.
 *
 * @example
 * ```ts
 * import { Vial, staticFilesFrom, memoryFileSource } from "vial";
 * const app = new Vial();
 * app.use(staticFilesFrom(memoryFileSource({ "css/site.css": "body { margin: 0 }" })));
 * // GET /static/css/site.css -> 200 text/css
 * ```
 */
export function memoryFileSource(files: Record<string, string | Uint8Array>, options: { modified?: Date } = {}): FileSource {
  const encoder = new TextEncoder();
  const entries = new Map<string, { bytes: Uint8Array<ArrayBuffer>; etag?: Promise<string> }>();
  for (const [path, content] of Object.entries(files)) {
    // Keys may be written "/css/site.css" or "./css/site.css"; lookups use "css/site.css".
    entries.set(path.replace(/^(?:\.?\/)+/, ""), { bytes: typeof content === "string" ? encoder.encode(content) : new Uint8Array(content) });
  }
  return async (path) => {
    const entry = entries.get(path);
    if (!entry) return undefined;
    const { bytes } = entry;
    return {
      size: bytes.length,
      modified: options.modified,
      etag: await (entry.etag ??= contentTag(bytes)),
      open: (range) => (range ? bytes.subarray(range.start, range.end + 1) : bytes),
    };
  };
}
