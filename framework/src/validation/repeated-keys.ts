/**
 * Query strings and forms give one string for a key sent once and an array for a key sent
 * repeatedly (`MultiDict.toObject()`). A schema that wants an array (`tag: z.array(z.string())`)
 * would reject `?tag=a` for being a string; so when a key sent once fails at its own top level,
 * it is tried again as a one-element array, and kept that way if that is what the schema accepts.
 * This needs no knowledge of the schema library: it only looks at where the issues are.
 */
import type { StandardSchemaV1 } from "../standard-schema.ts";
import { issuePath, runSchema } from "./issues.ts";

type MultiValued = Record<string, string | string[]>;

/** Validates a query or form object, retrying single values as arrays where that helps. */
export async function validateMultiValued(schema: StandardSchemaV1, raw: MultiValued): Promise<StandardSchemaV1.Result<unknown>> {
  const first = await runSchema(schema, raw);
  if (!first.issues) return first;
  const singles = keysFailingAtTopLevel(first.issues).filter((key) => typeof raw[key] === "string");
  if (singles.length === 0) return first;

  const second = await runSchema(schema, wrapAsArrays(raw, singles));
  if (!second.issues) return second;
  const helped = singles.filter((key) => !second.issues.some((issue) => issuePath(issue)[0] === key));
  if (helped.length === 0) return first;
  return runSchema(schema, wrapAsArrays(raw, helped));
}

/** Keys whose value itself (not something inside it) was rejected. */
function keysFailingAtTopLevel(issues: ReadonlyArray<StandardSchemaV1.Issue>): string[] {
  const keys = new Set<string>();
  for (const issue of issues) {
    const path = issuePath(issue);
    if (path.length === 1 && typeof path[0] === "string") keys.add(path[0]);
  }
  return [...keys];
}

function wrapAsArrays(raw: MultiValued, keys: string[]): MultiValued {
  const copy: MultiValued = {};
  for (const [key, value] of Object.entries(raw)) {
    const wrapped = keys.includes(key) && typeof value === "string" ? [value] : value;
    Object.defineProperty(copy, key, { value: wrapped, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
