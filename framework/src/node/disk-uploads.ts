/**
 * Large multipart uploads in temporary files, as Werkzeug writes them to a `TemporaryFile`: a file
 * part past the threshold is written to disk while it arrives, and every file a request made is
 * deleted once its response has been sent.
 */
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile, unlink, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { PartInfo } from "../body/multipart-headers.ts";
import { setUploadSpool, type UploadSink, type UploadSpool } from "../body/upload-spool.ts";
import type { UploadedFile } from "../body/uploaded-file.ts";

/**
 * Options of `serve`'s upload spooling.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * import { serve, type DiskUploadOptions } from "vial/node";
 * const uploads: DiskUploadOptions = { threshold: 1024 * 1024, directory: "/var/tmp/uploads" };
 * await serve(new Vial(), { uploads });
 * ```
 */
export interface DiskUploadOptions {
  /** Bytes of one file part kept in memory before it goes to disk (default 500 KiB, Werkzeug's). */
  threshold?: number;
  /** Where the temporary files go (default `os.tmpdir()`). */
  directory?: string;
}

/** Werkzeug's `default_stream_factory` switches to a temporary file past 500 KiB. */
const DEFAULT_THRESHOLD = 500 * 1024;

/**
 * The server's spooling settings; `forRequest` gives one request its spool.
 *
 * @example
 * ```ts
 * const uploads = new DiskUploads({ threshold: 1024 });
 * const spool = uploads.forRequest(request);
 * // ... the app reads the form ...
 * await spool.removeAll();
 * ```
 */
export class DiskUploads {
  readonly threshold: number;
  readonly directory: string;

  constructor(options: DiskUploadOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.directory = options.directory ?? tmpdir();
  }

  /** Records a spool on the request, for its multipart body's files. */
  forRequest(request: Request): RequestUploads {
    const spool = new RequestUploads(this.threshold, this.directory);
    setUploadSpool(request, spool);
    return spool;
  }
}

/** One request's temporary files. */
class RequestUploads implements UploadSpool {
  readonly #paths: string[] = [];

  constructor(
    readonly threshold: number,
    readonly directory: string,
  ) {}

  async open(part: PartInfo & { filename: string }): Promise<UploadSink> {
    // A random name in the directory, created exclusively and readable by this user only.
    const path = join(this.directory, `vial-upload-${randomUUID()}`);
    const handle = await open(path, "wx", 0o600);
    this.#paths.push(path);
    return new DiskSink(part, path, handle);
  }

  /** Deletes every file this request spooled (ones the handler moved away are already gone). */
  async removeAll(): Promise<void> {
    await Promise.all(this.#paths.map((path) => unlink(path).catch(() => undefined)));
    this.#paths.length = 0;
  }
}

class DiskSink implements UploadSink {
  #size = 0;

  constructor(
    readonly part: PartInfo & { filename: string },
    readonly path: string,
    readonly handle: FileHandle,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    for (let written = 0; written < chunk.byteLength;) {
      const { bytesWritten } = await this.handle.write(chunk, written);
      written += bytesWritten;
    }
    this.#size += chunk.byteLength;
  }

  async close(): Promise<UploadedFile> {
    await this.handle.close();
    return diskFile(this.part, this.path, this.#size);
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }
}

function diskFile(part: PartInfo & { filename: string }, path: string, size: number): UploadedFile {
  const bytes = async () => {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
  return {
    name: part.name,
    filename: part.filename,
    contentType: part.contentType || "application/octet-stream",
    size,
    headers: part.headers,
    path,
    bytes,
    text: async () => new TextDecoder("utf-8").decode(await bytes()),
    stream: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
  };
}
