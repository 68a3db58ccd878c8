/**
 * Input limits and mass assignment against a route with a schema: oversized values and wrong
 * types must be refused with a 4xx, and fields the client may not choose (a role, an id, a
 * password hash) must never be taken from the request.
 */
import type { CheckResponse } from "../http";
import { finding, quote, type Finding } from "./finding";
import type { Random } from "./random";

/** What the input probes need: a valid body, and a way to send a body. */
export interface InputOptions {
  /** Sends `body` (as JSON or a form, as the route expects) and returns the response. */
  send(body: Record<string, unknown>): Promise<CheckResponse>;
  /** A body the route accepts. */
  valid: Record<string, unknown>;
  /** Names the route in findings: `POST /users`. */
  route: string;
}

/** Options of the oversized-input probe. */
export interface OversizedOptions extends InputOptions {
  /** The string fields to blow up; default every string field of `valid`. */
  fields?: string[];
  /** Lengths to try; default 10 000 and 1 000 000 characters. */
  lengths?: number[];
}

/** Options of the mass-assignment probe. */
export interface MassAssignmentOptions extends InputOptions {
  /** Fields the client must not choose, with values it might try; default role/id/admin and the like. */
  privileged?: Record<string, unknown>;
  /** Reads back what was stored (e.g. the created record from the response, or a GET); default the response's JSON. */
  stored?(response: CheckResponse): Promise<unknown> | unknown;
}

/** Fields hand-made sign-ups forget to keep out of the client's reach. */
const PRIVILEGED = { role: "admin", isAdmin: true, admin: true, is_admin: true, id: 1, userId: 1, passwordHash: "attacker-chosen", joined: "1970-01-01", verified: true, balance: 1_000_000 };

/** What the wrong-type probe sends in place of a string field. */
const WRONG_TYPES: unknown[] = [123, null, ["a"], { nested: "object" }];

const refused = (status: number) => status >= 400 && status < 500;

/**
 * Replaces each string field of a valid body with a huge string, and with values of the wrong
 * type, and reports every one the route accepted (or crashed on: a 5xx is not a refusal).
 *
 * @example
 * const findings = await attack.oversized({
 *   route: "POST /users", valid: { username: "dorothy", email: "d@example.com", password: "crystallography" },
 *   send: (body) => http(app).post("/users", { json: body }),
 * });
 * expect(findings, "oversized and mistyped fields of POST /users").toHaveNoFindings();
 */
export async function probeOversized(random: Random, options: OversizedOptions): Promise<Finding[]> {
  const fields = options.fields ?? Object.keys(options.valid).filter((key) => typeof options.valid[key] === "string");
  const found: Finding[] = [];
  // One finding per field and kind is enough to show the mistake, and each accepted request may
  // do real work (hash a password), so a field stops being probed at its first finding.
  for (const field of fields) {
    for (const length of options.lengths ?? [10_000, 1_000_000]) {
      // Unique per run, so a uniqueness check (409) cannot pass for a length check.
      const value = random.word(8) + "x".repeat(Math.max(0, length - 8));
      const res = await options.send({ ...options.valid, [field]: value });
      if (!refused(res.status)) {
        found.push(finding("input", `${options.route} with ${field} ${length.toLocaleString("en")} characters long answered ${res.status}, not a 4xx: the value was not limited`));
        break;
      }
    }
    for (const wrong of WRONG_TYPES) {
      const res = await options.send({ ...options.valid, [field]: wrong });
      if (!refused(res.status)) {
        found.push(finding("input", `${options.route} with ${field}: ${JSON.stringify(wrong)} (not a string) answered ${res.status}, not a 4xx`));
        break;
      }
    }
  }
  return found;
}

function valueAt(record: unknown, key: string): unknown {
  return record !== null && typeof record === "object" && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/**
 * Sends a valid body plus privileged fields, and reports each one that was stored (seen with the
 * value sent) or echoed back. Refusing the request (4xx) is fine too.
 *
 * @example
 * const findings = await attack.massAssignment({
 *   route: "POST /users", valid: signUp(),
 *   send: (body) => http(app).post("/users", { json: body }),
 * });
 * expect(findings, "fields a client may not choose").toHaveNoFindings();
 */
export async function probeMassAssignment(options: MassAssignmentOptions): Promise<Finding[]> {
  const privileged = options.privileged ?? PRIVILEGED;
  const res = await options.send({ ...options.valid, ...privileged });
  if (refused(res.status)) return [];
  let stored: unknown;
  try {
    stored = options.stored ? await options.stored(res) : JSON.parse(res.text);
  } catch {
    return [];
  }
  const found: Finding[] = [];
  for (const [key, value] of Object.entries(privileged)) {
    const seen = valueAt(stored, key);
    if (seen !== undefined && JSON.stringify(seen) === JSON.stringify(value)) {
      found.push(finding("mass-assignment", `${options.route} with the extra field ${key}: ${quote(JSON.stringify(value))} answered ${res.status} and the record has ${key} = ${quote(JSON.stringify(seen))}: the client chose it`));
    }
  }
  return found;
}
