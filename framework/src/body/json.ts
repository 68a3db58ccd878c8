/**
 * JSON request bodies, as Flask's `request.get_json()`: the media type must be JSON (else 415),
 * and a body that does not parse is a 400 that does not echo what was sent.
 */

import { headerValue } from "../adapter-request.ts";
import { BadRequest, UnsupportedMediaType } from "../http-errors.ts";
import { isJsonMediaType, parseMediaType } from "../http/media-type.ts";
import type { BodyLimits } from "./limits.ts";
import { readBody } from "./read-body.ts";

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads and parses a JSON body. The `Content-Type` must be `application/json` or
 * `application/*+json`; the body must be UTF-8 JSON (a BOM is allowed).
 *
 * @throws UnsupportedMediaType (415) when the content type is missing or not JSON (checked first).
 * @throws ContentTooLarge (413) when the body is larger than `limits.maxContentLength`.
 * @throws BadRequest (400) when the body is empty, not UTF-8 or not valid JSON.
 *
 * @example
 * ```ts
 * const data = await readJsonBody(request, { maxContentLength: 1024 * 1024 });
 * ```
 */
export async function readJsonBody(request: Request, limits: Pick<BodyLimits, "maxContentLength">): Promise<unknown> {
  // Read without making the Headers of a request from vial/node.
  const header = headerValue(request, "content-type");
  // The header almost every client sends needs no parsing.
  if (header !== "application/json") checkJsonMediaType(header);
  const bytes = await readBody(request, limits);
  if (bytes.length === 0) throw new BadRequest("The request body is empty; expected JSON.");
  try {
    return JSON.parse(utf8Strict.decode(bytes));
  } catch (error) {
    // The detail names positions and characters of the body: keep it as the cause, not the message.
    throw new BadRequest("The request body is not valid JSON", { cause: error });
  }
}

function checkJsonMediaType(header: string | null): void {
  const mediaType = parseMediaType(header);
  if (!mediaType || !isJsonMediaType(mediaType.type)) {
    const got = mediaType ? mediaType.type : header?.trim() ? JSON.stringify(header.trim().slice(0, 100)) : "no Content-Type";
    throw new UnsupportedMediaType(`Expected a request body with Content-Type application/json, got ${got}.`);
  }
}
