/**
 * `response` schemas: what a route sends is checked and trimmed to the schema's output before it
 * leaves, so a handler that returns a whole user record sends only the declared fields.
 */
import { isJsonMediaType, parseMediaType } from "../http/index.ts";
import { InvalidResponseError, makeResponse } from "../make-response.ts";
import type { StandardSchemaV1 } from "../standard-schema.ts";
import { describeIssue, issuePath, runSchema } from "./issues.ts";

/**
 * The handler's response did not match the route's `response` schema. It is a server bug, not a
 * client error: the app logs it and answers 500 (showing this message only in `DEBUG`).
 *
 * @example
 * ```ts
 * import { Vial, ResponseValidationError } from "vial";
 * const app = new Vial();
 * app.errorHandler(ResponseValidationError, (error: ResponseValidationError) =>
 *   [{ error: "internal", fields: error.issues.map((issue) => issue.path.join(".")) }, 500]);
 * ```
 */
export class ResponseValidationError extends Error {
  /** Each mismatch: where in the body, and what was wrong. */
  readonly issues: { path: (string | number)[]; message: string }[];

  constructor(issues: ReadonlyArray<StandardSchemaV1.Issue>) {
    super(
      "The handler's response does not match the route's response schema:\n" +
        issues.map((issue) => `  - ${describeIssue(issue)}`).join("\n") +
        "\nFields the schema does not declare are stripped; these are missing or of the wrong type.",
    );
    this.issues = issues.map((issue) => ({ path: issuePath(issue), message: issue.message }));
  }
}
// On the prototype, so the stack trace (the DEBUG page) already starts with the class name.
Object.defineProperty(ResponseValidationError.prototype, "name", { value: "ResponseValidationError", configurable: true });

/**
 * Validates a handler's return value against a `response` schema. The schema applies to the JSON
 * a successful (2xx) response carries, however the handler produced it: a plain object or array,
 * a `[body, status, headers]` tuple, or a `json()` Response. The JSON is replaced by the schema's
 * output (so unknown fields are stripped); status and headers are kept. Anything else (HTML,
 * text, redirects, streams, error statuses) passes through unchanged.
 *
 * `debug` is accepted for the dispatcher's sake: DEBUG output is the app's job, which shows the
 * thrown error's message on its 500 page in DEBUG and only logs it otherwise.
 *
 * @throws ResponseValidationError when the JSON does not match.
 */
export async function validateResponse(value: unknown, schema: StandardSchemaV1, _debug: boolean): Promise<unknown> {
  let response: Response;
  try {
    response = makeResponse(value);
  } catch (error) {
    // Left for the app's own makeResponse, whose message names the endpoint.
    if (error instanceof InvalidResponseError) return value;
    throw error;
  }
  if (!carriesJson(response)) return response;

  const sent: unknown = JSON.parse(await response.text());
  const result = await runSchema(schema, sent);
  if (result.issues) throw new ResponseValidationError(result.issues);

  const headers = new Headers(response.headers);
  headers.delete("content-length");
  const body = JSON.stringify(result.value) ?? "null";
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

function carriesJson(response: Response): boolean {
  if (response.status < 200 || response.status > 299 || response.body === null) return false;
  const mediaType = parseMediaType(response.headers.get("content-type"));
  return mediaType !== undefined && isJsonMediaType(mediaType.type);
}
