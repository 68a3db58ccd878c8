/**
 * Where static files come from, kept abstract so the same serving code runs on Node (files on
 * disk, `vial/node`), in a browser Worker or a WebContainer (files in memory), or anywhere else.
 */

/**
 * A byte range, both ends inclusive (as in `Content-Range`).
 *
 * @example
 * ```ts
 * import type { ByteRange, StaticFile } from "vial";
 *
 * const bytes = new TextEncoder().encode("0123456789");
 * // `Range: bytes=2-4` reaches `open` as { start: 2, end: 4 }: "234", end included.
 * const file: StaticFile = {
 *   size: bytes.length,
 *   open: (range?: ByteRange) => (range ? bytes.slice(range.start, range.end + 1) : bytes),
 * };
 * ```
 */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The body of a file (or of a range of it): bytes, or a stream of them.
 *
 * @example
 * ```ts
 * import type { FileBody, StaticFile } from "vial";
 *
 * const video = new Blob([new Uint8Array(1_000_000)], { type: "video/mp4" });
 * // A stream, so a large file (or range) is sent in chunks rather than copied whole.
 * const file: StaticFile = {
 *   size: video.size,
 *   open: (range): FileBody => (range ? video.slice(range.start, range.end + 1) : video).stream(),
 * };
 * ```
 */
export type FileBody = Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;

/**
 * A file found by a {@link FileSource}: its size and dates, and a way to read it when needed.
 *
 * @example
 * ```ts
 * import { Vial, sendFile, type StaticFile } from "vial";
 *
 * const csv = new TextEncoder().encode("id,total\n1,42\n");
 * const report: StaticFile = {
 *   size: csv.length,
 *   modified: new Date("2024-01-01T00:00:00Z"),
 *   open: (range) => (range ? csv.slice(range.start, range.end + 1) : csv),
 * };
 * const app = new Vial();
 * app.get("/report.csv", (req) => sendFile(req, report, { path: "report.csv" }));
 * ```
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
