/**
 * Reading a request body under `MAX_CONTENT_LENGTH`: a declared `Content-Length` over the limit is
 * refused before anything is read, and a body without one (chunked) is counted as it streams and
 * cancelled as soon as it passes the limit, so an oversize body is never held in memory.
 */

import { canReadBodyDirectly, headerValue, openDirectBodyReader } from "../deferred-reads";
import type { BodyReader } from "../deferred-request";
import { BadRequest, ContentTooLarge } from "../http-errors";
import { concatBytes } from "./bytes";
import type { BodyLimits } from "./limits";

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
  const opened = openBody(request, limits);
  if (!opened) return EMPTY;
  const { reader, limit, direct } = opened;
  // vial/node asks for the body while the request's headers are being parsed; one microtask later
  // the rest of the packet (usually the whole body) has been parsed too, and reading it is then
  // synchronous instead of waiting for a `readable` event.
  if (direct) await undefined;
  const chunks: Uint8Array[] = [];
  let finished = false;
  let received = 0;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        finished = true; // an errored stream cannot be cancelled
        throw streamFailed(error);
      }
      if (result.done) {
        finished = true;
        break;
      }
      const chunk = checkedChunk(result.value);
      received += chunk.byteLength;
      if (limit !== null && received > limit) throw tooLarge(limit);
      if (chunk.byteLength > 0) chunks.push(chunk);
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
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
export async function* readBodyChunks(
  request: Request,
  limits: Pick<BodyLimits, "maxContentLength">,
): AsyncGenerator<Uint8Array, void, undefined> {
  const opened = openBody(request, limits);
  if (!opened) return;
  const { reader, limit } = opened;

  let finished = false;
  let received = 0;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        finished = true; // an errored stream cannot be cancelled
        throw streamFailed(error);
      }
      if (result.done) {
        finished = true;
        return;
      }
      const chunk = checkedChunk(result.value);
      received += chunk.byteLength;
      if (limit !== null && received > limit) throw tooLarge(limit);
      if (chunk.byteLength > 0) yield chunk;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

type ChunkReader = BodyReader | ReadableStreamDefaultReader<Uint8Array>;

/**
 * Checks that the body can be read and is not declared too large, then opens it; `undefined`
 * when there is no body. Throws synchronously, so callers reject before reading anything.
 */
function openBody(
  request: Request,
  limits: Pick<BodyLimits, "maxContentLength">,
): { reader: ChunkReader; limit: number | null; direct: boolean } | undefined {
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
  return reader ? { reader, limit, direct } : undefined;
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
