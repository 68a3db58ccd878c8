/**
 * The raw value of each request location, in the shape schemas validate: plain objects of
 * strings for params/query/headers/cookies/form, parsed JSON for the body. A body that cannot be
 * read (wrong media type, malformed, too large) is reported as an HTTP error, not thrown, so the
 * other locations are still validated and every problem is named in one answer.
 */
import { HTTPError } from "../http-errors.ts";
import { MultiDict, parseMediaType } from "../http/index.ts";
import type { VialRequest } from "../request.ts";
import type { InputLocation } from "./problem.ts";

/** A location's raw value, or why it could not be read. */
type RawInput = { value: unknown } | { unreadable: HTTPError };

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

// Fixed texts: the defaults of the body readers echo the Content-Type the client sent.
const WRONG_MEDIA_TYPE: Partial<Record<InputLocation, string>> = {
  body: "Expected a request body with Content-Type application/json.",
  form: "Expected a form body (Content-Type application/x-www-form-urlencoded or multipart/form-data).",
};

/** Reads one location of `req` for validation. Errors other than HTTP errors propagate (they are bugs). */
export async function readRawInput(req: VialRequest, location: InputLocation): Promise<RawInput> {
  switch (location) {
    case "params":
      return { value: { ...req.params } };
    case "query":
      return { value: new MultiDict(req.url.searchParams).toObject() };
    case "headers":
      return { value: Object.fromEntries(req.raw.headers) };
    case "cookies":
      return { value: { ...req.cookies } };
    case "form":
      if (!FORM_TYPES.has(parseMediaType(req.raw.headers.get("content-type"))?.type ?? "")) {
        return { unreadable: new HTTPError(415, WRONG_MEDIA_TYPE.form) };
      }
      return readBody(location, async () => (await req.form()).toObject());
    case "body":
      return readBody(location, () => req.json());
  }
}

async function readBody(location: InputLocation, read: () => Promise<unknown>): Promise<RawInput> {
  try {
    return { value: await read() };
  } catch (error) {
    return { unreadable: unreadableBody(location, error) };
  }
}

/**
 * What a body reader's error means for validation: the HTTP error to report (a wrong media type
 * in fixed words). Any other error is a bug and is thrown again.
 */
export function unreadableBody(location: InputLocation, error: unknown): HTTPError {
  if (!(error instanceof HTTPError)) throw error;
  const message = error.status === 415 ? WRONG_MEDIA_TYPE[location] : undefined;
  return message ? new HTTPError(415, message) : error;
}
