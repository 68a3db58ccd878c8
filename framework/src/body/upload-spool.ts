/**
 * Where large uploaded files go while they arrive. The core keeps every file in memory; a server
 * with a disk (vial/node's `serve`) records a spool on the request, and the multipart parser then
 * hands it each file part that grows past the spool's threshold, as Werkzeug's stream factory
 * writes large parts to a temporary file. A `WeakMap` keeps it off the standard `Request`.
 */
import type { PartInfo } from "./multipart-headers.ts";
import type { UploadedFile } from "./uploaded-file.ts";

/**
 * Somewhere to write one file part: bytes go in while the part arrives, and `close` gives the
 * finished file. `discard` drops it when the body fails before the part ends.
 *
 * @example
 * ```ts
 * const sink: UploadSink = await spool.open(part);
 * await sink.write(chunk);
 * const file: UploadedFile = await sink.close();
 * ```
 */
export interface UploadSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<UploadedFile>;
  discard(): Promise<void>;
}

/**
 * A request's storage for large file parts.
 *
 * @example
 * ```ts
 * import { setUploadSpool, type UploadSpool } from "./upload-spool.ts";
 * const spool: UploadSpool = { threshold: 500 * 1024, open: (part) => openTemporaryFile(part) };
 * setUploadSpool(request, spool);
 * ```
 */
export interface UploadSpool {
  /** Bytes of one file part kept in memory; a part that grows past it goes to `open`. */
  readonly threshold: number;
  open(part: PartInfo & { filename: string }): Promise<UploadSink>;
}

const spools = new WeakMap<Request, UploadSpool>();

/**
 * Records where the large uploads of `request` go. Returns the request.
 *
 * @example
 * ```ts
 * import { setUploadSpool } from "./upload-spool.ts";
 * setUploadSpool(request, diskSpool);
 * ```
 */
export function setUploadSpool(request: Request, spool: UploadSpool): Request {
  spools.set(request, spool);
  return request;
}

/**
 * The spool recorded for `request`, if any (none: files stay in memory).
 *
 * @example
 * ```ts
 * import { uploadSpoolOf } from "./upload-spool.ts";
 * uploadSpoolOf(new Request("http://localhost/")); // undefined
 * ```
 */
export function uploadSpoolOf(request: Request): UploadSpool | undefined {
  return spools.get(request);
}
