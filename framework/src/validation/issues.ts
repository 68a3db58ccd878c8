/**
 * Standard Schema results in Vial's terms: running a schema (sync or async) and turning its
 * issues into JSON-friendly paths and messages.
 */
import type { StandardSchemaV1 } from "../standard-schema.ts";

/** Runs a Standard Schema; libraries may validate synchronously or not. */
export async function runSchema(schema: StandardSchemaV1, value: unknown): Promise<StandardSchemaV1.Result<unknown>> {
  return schema["~standard"].validate(value);
}

/** Runs a Standard Schema and gives its result as the library did: a promise only if it made one. */
export function runSchemaSync(schema: StandardSchemaV1, value: unknown): StandardSchemaV1.Result<unknown> | Promise<StandardSchemaV1.Result<unknown>> {
  return schema["~standard"].validate(value);
}

/** A path whose segments survive JSON: keys are strings or array indexes. */
export function issuePath(issue: StandardSchemaV1.Issue): (string | number)[] {
  return (issue.path ?? []).map((segment) => {
    const key = typeof segment === "object" && segment !== null ? segment.key : segment;
    if (typeof key === "number") return key;
    return typeof key === "symbol" ? (key.description ?? "") : String(key);
  });
}

/** `items.0.name: Required`, for log lines and developer-facing messages. */
export function describeIssue(issue: StandardSchemaV1.Issue): string {
  const path = issuePath(issue);
  return `${path.length ? path.join(".") : "(root)"}: ${issue.message}`;
}
