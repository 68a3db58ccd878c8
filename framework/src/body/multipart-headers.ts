/**
 * The header block of one multipart/form-data part (RFC 7578): which field it belongs to, whether
 * it is a file, and its content type.
 */

import { BadRequest } from "../http-errors.ts";
import { bytesToByteString, trimAsciiWhitespace, utf8FromByteString } from "../http/byte-string.ts";
import { parseHeaderParams } from "../http/header-params.ts";

/**
 * What the headers of a part say about it.
 *
 * @example
 * ```ts
 * const part: PartInfo = parsePartHeaders(headerBytes);
 * const isFile = part.filename !== undefined;
 * ```
 */
export interface PartInfo {
  /** The form field name (`Content-Disposition: form-data; name="..."`), decoded as UTF-8. */
  name: string;
  /** The file name when the part is a file upload (possibly `""`), otherwise `undefined`. */
  filename: string | undefined;
  /** The part's `Content-Type` header value, if any. */
  contentType: string | undefined;
  /** All of the part's headers (values are byte strings, as in any fetch `Headers`). */
  headers: Headers;
}

/**
 * Parses a part's header block (the bytes before its blank line). Folded lines are unfolded and
 * any of CRLF, LF or CR ends a line, as in Werkzeug.
 *
 * @throws BadRequest when there is no `Content-Disposition` or it has no `name`.
 *
 * @example
 * ```ts
 * parsePartHeaders(new TextEncoder().encode('Content-Disposition: form-data; name="a"'));
 * // { name: "a", filename: undefined, contentType: undefined, headers: Headers {...} }
 * ```
 */
export function parsePartHeaders(block: Uint8Array): PartInfo {
  const text = bytesToByteString(block).replace(/(?:\r\n|\n|\r)[ \t]/g, " ");
  const headers = new Headers();
  let disposition: string | undefined;
  let contentType: string | undefined;
  for (const line of text.split(/\r\n|\n|\r/)) {
    const colon = line.indexOf(":");
    const name = trimAsciiWhitespace(colon === -1 ? line : line.slice(0, colon));
    if (name === "") continue;
    const value = colon === -1 ? "" : trimAsciiWhitespace(line.slice(colon + 1));
    const lower = name.toLowerCase();
    if (lower === "content-disposition") disposition ??= value;
    else if (lower === "content-type") contentType ??= value;
    try {
      headers.append(name, value);
    } catch {
      // Not a valid header name or value for fetch; the fields above were still read.
    }
  }
  if (disposition === undefined) throw new BadRequest("A multipart part has no Content-Disposition header.");
  const { params } = parseHeaderParams(disposition);
  if (params.name === undefined) throw new BadRequest("A multipart part has no name in its Content-Disposition header.");
  return {
    name: params.name,
    filename: params.filename === undefined ? undefined : stripWindowsPath(params.filename),
    contentType: contentType === undefined ? undefined : utf8FromByteString(contentType),
    headers,
  };
}

/**
 * Old Internet Explorer sent the full client path (`C:\docs\a.txt`, `\\server\share\a.txt`;
 * unquoting has already turned the UNC prefix into a single backslash).
 */
function stripWindowsPath(filename: string): string {
  if (/^[A-Za-z]:\\/.test(filename) || filename.startsWith("\\")) {
    return filename.slice(filename.lastIndexOf("\\") + 1);
  }
  return filename;
}
