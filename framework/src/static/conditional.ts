/**
 * Validators (ETag, Last-Modified) and conditional requests, in the order RFC 9110 §13.2.2 gives:
 * If-Match, then If-Unmodified-Since (412 when they fail), then If-None-Match, else
 * If-Modified-Since (304 for GET and HEAD when nothing changed).
 */
import type { StaticFile } from "./file-source.ts";

/** What a response's validators are. */
export interface Validators {
  etag?: string;
  lastModified?: Date;
}

/**
 * The file's validators. Without a tag from the source, the ETag is strong and made from the
 * size and modification time (as nginx does): it changes whenever the file is rewritten.
 */
export function validatorsOf(file: StaticFile): Validators {
  const modified = file.modified && !Number.isNaN(file.modified.getTime()) ? file.modified : undefined;
  const etag = file.etag ?? (modified ? `"${file.size.toString(16)}-${Math.floor(modified.getTime()).toString(16)}"` : undefined);
  return { etag, lastModified: modified };
}

/** Entity tags in an If-Match / If-None-Match list (`*` is handled by the caller). */
function parseTags(header: string): string[] {
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

const opaque = (tag: string) => (tag.startsWith("W/") ? tag.slice(2) : tag);

/** Weak comparison (RFC 9110 §8.8.3.2): the opaque tags match, W/ or not. */
function weakMatch(header: string, etag: string | undefined): boolean {
  if (header.trim() === "*") return true;
  return etag !== undefined && parseTags(header).some((tag) => opaque(tag) === opaque(etag));
}

/** Strong comparison: both tags strong and equal. */
export function strongMatch(tag: string, etag: string | undefined): boolean {
  return etag !== undefined && !tag.startsWith("W/") && !etag.startsWith("W/") && tag === etag;
}

/** Seconds since the epoch, as HTTP dates carry them; undefined for an unparseable date. */
export function httpDateSeconds(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** The outcome of a request's preconditions. */
type PreconditionResult = "send" | "not-modified" | "precondition-failed";

/**
 * Evaluates the request's conditional headers against the current validators.
 *
 * @example
 * ```ts
 * evaluatePreconditions("GET", new Headers({ "if-none-match": '"v1"' }), { etag: '"v1"' }); // "not-modified"
 * ```
 */
export function evaluatePreconditions(method: string, headers: Headers, validators: Validators): PreconditionResult {
  const { etag, lastModified } = validators;
  const ifMatch = headers.get("if-match");
  if (ifMatch !== null) {
    const matches = ifMatch.trim() === "*" || parseTags(ifMatch).some((tag) => strongMatch(tag, etag));
    if (!matches) return "precondition-failed";
  } else {
    const since = httpDateSeconds(headers.get("if-unmodified-since"));
    if (since !== undefined && lastModified && seconds(lastModified) > since) return "precondition-failed";
  }
  const readOnly = method === "GET" || method === "HEAD";
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    if (!weakMatch(ifNoneMatch, etag)) return "send";
    return readOnly ? "not-modified" : "precondition-failed";
  }
  const modifiedSince = httpDateSeconds(headers.get("if-modified-since"));
  if (readOnly && modifiedSince !== undefined && lastModified && seconds(lastModified) <= modifiedSince) return "not-modified";
  return "send";
}
