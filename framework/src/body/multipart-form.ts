/**
 * Collects the events of {@link MultipartParser} into form fields and files while the body
 * streams, enforcing `MAX_FORM_MEMORY_SIZE` per field as each piece arrives (CVE-2024-49767: the
 * limit must hold however many chunks a field is split into).
 */

import { ContentTooLarge } from "../http-errors";
import { MultiDict } from "../http/multidict";
import { concatBytes } from "./bytes";
import type { BodyLimits } from "./limits";
import { MultipartParser, type PartInfo } from "./multipart";
import { createUploadedFile, type UploadedFile } from "./uploaded-file";

const utf8 = new TextDecoder("utf-8");

/**
 * Parses a multipart/form-data body from its chunks.
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
): Promise<{ form: MultiDict<string>; files: MultiDict<UploadedFile> }> {
  const form = new MultiDict<string>();
  const files = new MultiDict<UploadedFile>();
  const parser = new MultipartParser(boundary, { maxParts: limits.maxFormParts });
  let part: PartInfo | undefined;
  let pieces: Uint8Array[] = [];
  let size = 0;

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
        pieces.push(event.data);
      } else if (part) {
        const data = concatBytes(pieces);
        if (part.filename === undefined) {
          form.append(part.name, utf8.decode(data));
        } else {
          files.append(part.name, createUploadedFile({ ...part, filename: part.filename, data }));
        }
        part = undefined;
      }
    }
  }
  parser.finish();
  return { form, files };
}

