/**
 * Reading a request body under `MAX_CONTENT_LENGTH`: a declared `Content-Length` over the limit is
 * refused before anything is read, and a body without one (chunked) is counted as it streams and
 * cancelled as soon as it passes the limit, so an oversize body is never held in memory.
 */

import { canReadBodyDirectly, headerValue, openDirectBodyReader, type BodyReader } from "../adapter-request.ts";
import { BadRequest, ContentTooLarge } from "../http-errors.ts";
import { concatBytes } from "./bytes.ts";
import type { BodyLimits } from "./limits.ts";

const EMPTY = new Uint8Array(0);

/**
 * Reads the whole body of `request` as bytes. No body gives an empty array.
 *
 * @throws ContentTooLarge (413) when the body is larger than `limits.maxContentLength`.
 * @throws BadRequest (400) when the body stream fails (the client went away).
 * @throws TypeError when the body was already read (read it once and keep the result).
 *
 * @example
 * ```ts
 * const bytes = await readBody(request, { maxContentLength: 1024 * 1024 });
 * ```
 */
export async function readBody(request: Request, limits: Pick<BodyLimits, "maxContentLength">): Promise<Uint8Array> {
  // The same rules as readBodyChunks, as one loop: an async generator costs several promises per
  // chunk, which is most of the work for the small JSON bodies APIs get.
  const body = openBody(request, limits);
  if (!body) return EMPTY;
  // vial/node asks for the body while the request's headers are being parsed; one microtask later
  // the rest of the packet (usually the whole body) has been parsed too, and reading it is then
  // synchronous instead of waiting for a `readable` event.
  if (body.direct) await Promise.resolve();
  const chunks: Uint8Array[] = [];
  try {
    for (let chunk = await body.next(); chunk !== undefined; chunk = await body.next()) {
      if (chunk.byteLength > 0) chunks.push(chunk);
    }
  } finally {
    await body.close();
  }
  return chunks.length === 0 ? EMPTY : concatBytes(chunks);
}

/**
 * Streams the body of `request` chunk by chunk under the same rules as {@link readBody}, for
 * parsers that work while the body arrives. Stopping early (`break`, or a parser throwing)
 * cancels the body stream.
 *
 * @example
 * ```ts
 * for await (const chunk of readBodyChunks(request, { maxContentLength: 1_000_000 })) {
 *   parser.push(chunk);
 * }
 * ```
 */
export async function* readBodyChunks(request: Request, limits: Pick<BodyLimits, "maxContentLength">): AsyncGenerator<Uint8Array, void, undefined> {
  const body = openBody(request, limits);
  if (!body) return;
  try {
    for (let chunk = await body.next(); chunk !== undefined; chunk = await body.next()) {
      if (chunk.byteLength > 0) yield chunk;
    }
  } finally {
    await body.close();
  }
}

type ChunkReader = BodyReader | ReadableStreamDefaultReader<Uint8Array>;

/** A body being read under its limit: the rules both readers above share. */
class LimitedBody {
  #received = 0;
  /** Ended or failed: nothing is left to cancel. */
  #finished = false;

  constructor(
    private readonly reader: ChunkReader,
    private readonly limit: number | null,
    readonly direct: boolean,
  ) {}

  /** The next chunk, `undefined` at the end. A failing stream is a 400, passing the limit a 413. */
  async next(): Promise<Uint8Array | undefined> {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.reader.read();
    } catch (error) {
      this.#finished = true; // an errored stream cannot be cancelled
      throw streamFailed(error);
    }
    if (result.done) {
      this.#finished = true;
      return undefined;
    }
    const chunk = checkedChunk(result.value);
    this.#received += chunk.byteLength;
    if (this.limit !== null && this.#received > this.limit) throw tooLarge(this.limit);
    return chunk;
  }

  /** Cancels what is left unread (after a 413, or a reader that stopped early) and lets go of the stream. */
  async close(): Promise<void> {
    if (!this.#finished) await this.reader.cancel().catch(() => undefined);
    this.reader.releaseLock();
  }
}

/**
 * Checks that the body can be read and is not declared too large, then opens it; `undefined`
 * when there is no body. Throws synchronously, so callers reject before reading anything.
 */
function openBody(request: Request, limits: Pick<BodyLimits, "maxContentLength">): LimitedBody | undefined {
  const limit = limits.maxContentLength;
  // A request from vial/node can be read without making a body stream, which costs more than
  // reading a small body.
  const direct = canReadBodyDirectly(request);
  if (request.bodyUsed || (!direct && request.body?.locked)) {
    throw new TypeError("The request body has already been read; a body can only be read once, so keep the first result.");
  }
  const declared = declaredContentLength(request);
  if (limit !== null && declared !== undefined && declared > limit) throw tooLarge(limit);
  const reader = direct ? openDirectBodyReader(request) : request.body?.getReader();
  return reader ? new LimitedBody(reader, limit, direct) : undefined;
}

function streamFailed(error: unknown): InstanceType<typeof BadRequest> {
  return new BadRequest("The request body could not be read completely.", { cause: error });
}

function checkedChunk(chunk: unknown): Uint8Array {
  if (!(chunk instanceof Uint8Array)) throw new TypeError("The request body stream must produce Uint8Array chunks.");
  return chunk;
}

/** The `Content-Length` header as a number, or `undefined` when absent or not a plain integer. */
function declaredContentLength(request: Request): number | undefined {
  const header = headerValue(request, "content-length");
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  return Number(header);
}

function tooLarge(limit: number): InstanceType<typeof ContentTooLarge> {
  return new ContentTooLarge(`The request body is larger than the limit of ${limit} bytes.`);
}
