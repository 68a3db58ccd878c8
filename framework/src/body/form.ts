/**
 * Form bodies, as Werkzeug's `FormDataParser`: urlencoded and multipart/form-data are parsed; any
 * other content type gives an empty form (the body is left unread for the caller).
 */

import { headerValue } from "../adapter-request.ts";
import { BadRequest } from "../http-errors.ts";
import { MultiDict } from "../http/multidict.ts";
import { parseMediaType } from "../http/media-type.ts";
import type { BodyLimits } from "./limits.ts";
import { isValidMultipartBoundary } from "./multipart.ts";
import { parseMultipartForm } from "./multipart-form.ts";
import { readBody, readBodyChunks } from "./read-body.ts";
import { uploadSpoolOf } from "./upload-spool.ts";
import type { UploadedFile } from "./uploaded-file.ts";
import { parseUrlEncoded } from "./urlencoded.ts";

/**
 * Fields and files of a form body.
 *
 * @example
 * ```ts
 * const { form, files }: ParsedForm = await readFormBody(request, DEFAULT_BODY_LIMITS);
 * ```
 */
export interface ParsedForm {
  form: MultiDict<string>;
  files: MultiDict<UploadedFile>;
}

/**
 * Reads a form body.
 *
 * - `application/x-www-form-urlencoded`: the whole body is limited by both `maxContentLength` and
 *   `maxFormMemorySize`.
 * - `multipart/form-data`: parsed while it streams; `maxContentLength` limits the body,
 *   `maxFormMemorySize` each non-file field, `maxFormParts` the number of parts. Files stay in
 *   memory unless the server recorded an upload spool on the request (vial/node's `serve` does:
 *   files past 500 KiB go to a temporary file).
 * - Anything else, or no `Content-Type`: an empty form and no files.
 *
 * @throws ContentTooLarge (413) when a limit is passed.
 * @throws BadRequest (400) when the multipart boundary is missing or invalid, or the body is
 *   malformed or truncated.
 *
 * @example
 * ```ts
 * const { form, files } = await readFormBody(request, DEFAULT_BODY_LIMITS);
 * form.get("title");
 * await files.get("attachment")?.bytes();
 * ```
 */
export async function readFormBody(request: Request, limits: BodyLimits): Promise<ParsedForm> {
  const mediaType = parseMediaType(headerValue(request, "content-type"));
  if (mediaType?.type === "application/x-www-form-urlencoded") {
    const bytes = await readBody(request, { maxContentLength: smallerLimit(limits.maxContentLength, limits.maxFormMemorySize) });
    return { form: parseUrlEncoded(bytes), files: new MultiDict() };
  }
  if (mediaType?.type === "multipart/form-data") {
    const boundary = mediaType.params.boundary;
    if (boundary === undefined || !isValidMultipartBoundary(boundary)) {
      throw new BadRequest("The multipart/form-data request has no valid boundary parameter.");
    }
    return parseMultipartForm(readBodyChunks(request, limits), boundary, limits, uploadSpoolOf(request));
  }
  return { form: new MultiDict(), files: new MultiDict() };
}

function smallerLimit(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
