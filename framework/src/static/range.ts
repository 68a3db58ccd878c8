/**
 * Byte ranges (RFC 9110 §14): one range per request — `bytes=0-99`, `bytes=100-`, `bytes=-100` —
 * which is what media players and download resumers ask for. Several ranges at once would need a
 * multipart/byteranges body; such requests get the whole file, as the RFC allows.
 */
import type { ByteRange } from "./file-source.ts";
import { httpDateSeconds, strongMatch, type Validators } from "./conditional.ts";

/** What to send for a Range request. */
type RangeSelection = { kind: "full" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

const FULL: RangeSelection = { kind: "full" };

/**
 * If-Range: the range applies only while the client's copy is current — the same strong ETag, or
 * exactly the same modification date.
 */
function ifRangeHolds(ifRange: string | null, validators: Validators): boolean {
  if (ifRange === null) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return strongMatch(value, validators.etag);
  const date = httpDateSeconds(value);
  return date !== undefined && validators.lastModified !== undefined && Math.floor(validators.lastModified.getTime() / 1000) === date;
}

/**
 * Picks the part of a `size`-byte file that the request's `Range` header asks for. Headers that
 * do not parse, or that ask for several ranges, select the whole file.
 *
 * @example
 * ```ts
 * selectRange(new Headers({ range: "bytes=-10" }), 100, {}); // { kind: "partial", range: { start: 90, end: 99 } }
 * ```
 */
export function selectRange(headers: Headers, size: number, validators: Validators): RangeSelection {
  const header = headers.get("range");
  if (header === null || !ifRangeHolds(headers.get("if-range"), validators)) return FULL;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return FULL;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return FULL;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? Infinity : Number(last);
  if (end < start) return FULL; // "bytes=5-2" is invalid: ignored, as RFC 9110 says
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", range: { start, end: Math.min(end, size - 1) } };
}
