/**
 * Collects the events of {@link MultipartParser} into form fields and files while the body
 * streams, enforcing `MAX_FORM_MEMORY_SIZE` per field as each piece arrives (CVE-2024-49767: the
 * limit must hold however many chunks a field is split into).
 */

import { ContentTooLarge } from "../http-errors.ts";
import { MultiDict } from "../http/multidict.ts";
import { concatBytes } from "./bytes.ts";
import type { BodyLimits } from "./limits.ts";
import { MultipartParser, type PartInfo } from "./multipart.ts";
import type { UploadSink, UploadSpool } from "./upload-spool.ts";
import { createUploadedFile, type UploadedFile } from "./uploaded-file.ts";

const utf8 = new TextDecoder("utf-8");

/**
 * Parses a multipart/form-data body from its chunks. With a `spool`, a file part that grows past
 * `spool.threshold` bytes is written there as it arrives instead of being kept in memory (each
 * write is awaited before the next chunk is read, so memory stays bounded whatever the upload's size).
 *
 * @throws BadRequest for an invalid boundary or a malformed or truncated body.
 * @throws ContentTooLarge when a field passes `maxFormMemorySize` or there are more than `maxFormParts` parts.
 *
 * @example
 * ```ts
 * const { form, files } = await parseMultipartForm(readBodyChunks(request, limits), "xyz", limits);
 * ```
 */
export async function parseMultipartForm(
  chunks: AsyncIterable<Uint8Array>,
  boundary: string,
  limits: Pick<BodyLimits, "maxFormMemorySize" | "maxFormParts">,
  spool?: UploadSpool,
): Promise<{ form: MultiDict<string>; files: MultiDict<UploadedFile> }> {
  const form = new MultiDict<string>();
  const files = new MultiDict<UploadedFile>();
  const parser = new MultipartParser(boundary, { maxParts: limits.maxFormParts });
  let part: PartInfo | undefined;
  let pieces: Uint8Array[] = [];
  let size = 0;
  // The open file of a part past the spool's threshold; its pieces are no longer kept.
  let sink: UploadSink | undefined;

  try {
    for await (const chunk of chunks) {
      for (const event of parser.push(chunk)) {
        if (event.kind === "part") {
          part = event.part;
          pieces = [];
          size = 0;
        } else if (event.kind === "data") {
          size += event.data.byteLength;
          const limit = limits.maxFormMemorySize;
          if (part?.filename === undefined && limit !== null && size > limit) {
            throw new ContentTooLarge(`A form field is larger than the limit of ${limit} bytes.`);
          }
          if (sink) {
            await sink.write(event.data);
          } else if (spool && part?.filename !== undefined && size > spool.threshold) {
            sink = await spool.open({ ...part, filename: part.filename });
            for (const piece of pieces) await sink.write(piece);
            await sink.write(event.data);
            pieces = [];
          } else {
            pieces.push(event.data);
          }
        } else if (part) {
          if (sink) {
            files.append(part.name, await sink.close());
            sink = undefined;
          } else if (part.filename === undefined) {
            form.append(part.name, utf8.decode(concatBytes(pieces)));
          } else {
            files.append(part.name, createUploadedFile({ ...part, filename: part.filename, data: concatBytes(pieces) }));
          }
          part = undefined;
        }
      }
    }
    parser.finish();
  } catch (error) {
    await sink?.discard();
    throw error;
  }
  return { form, files };
}
