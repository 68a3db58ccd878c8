/**
 * SQL injection: payloads that change what a statement means when input is pasted into SQL text
 * instead of being sent as a `$1` parameter, sent through one input. The probe judges by what an
 * attacker gets: an answer that shows the SQL broke (a 5xx), rows that the route must never show
 * (the `secrets` planted by the check), or a database the payload changed (`intact`, which
 * reads it back from the grader's side).
 */
import type { CheckResponse } from "../http";
import { finding, quote, type Finding } from "./finding";

/** What the probe needs: a way to send a value through the input, and what must never come back. */
export interface SqlInjectionOptions {
  /** Sends a request with `value` as the input (a search box, `?sort=`, a path segment) and returns the response. */
  send(value: string): Promise<CheckResponse>;
  /** Names the input in findings: `the q parameter of GET /notes`. */
  input: string;
  /** Text that the route must never answer (a private note's title, another member's password hash): a tautology or a UNION that reveals it is a finding. */
  secrets: string[];
  /**
   * Where UNION payloads take the secret from: `{ table: "members", column: "password_hash" }`.
   * The probe tries one to six columns, so it finds the route's column count itself.
   */
  union?: { table: string; column: string };
  /** Reads the database back after each payload; a sentence saying what changed (a dropped table, a changed row) is a finding. */
  intact?(): Promise<string | undefined>;
  /** A table whose `DROP` the stacked payloads try (default "notes"). */
  dropTable?: string;
}

/** Tautologies and comment tricks, in string and numeric contexts, quoted both ways. */
const WIDENING: readonly string[] = [
  "' OR '1'='1",
  "' OR 1=1 --",
  "' OR 1=1 -- ",
  "') OR ('1'='1",
  "%' OR '1'='1' --",
  "%' OR 1=1 --",
  "' OR ''='",
  "'/**/OR/**/1=1/**/--",
  "\" OR \"1\"=\"1",
  "1 OR 1=1",
  "1) OR (1=1",
  "0 OR TRUE",
  "1 OR 1=1 --",
  "'||(SELECT '')||'",
];

/** Input that ends a quoted string or a number and leaves the rest of the statement broken. */
const BREAKING: readonly string[] = ["'", "''''", "\\'", "1'", "1 AND", "%'", "\"", ";"];

function unionPayloads(table: string, column: string): string[] {
  const payloads: string[] = [];
  for (let columns = 1; columns <= 6; columns++) {
    // Text in every position, so that whichever column the route shows carries the secret.
    const select = Array.from({ length: columns }, () => `${column}::text`).join(", ");
    for (const prefix of ["'", "%'", "0"]) {
      for (const comment of [" --", "/*"]) payloads.push(`${prefix} UNION SELECT ${select} FROM ${table}${comment}`);
    }
    payloads.push(`' UNION ALL SELECT ${Array.from({ length: columns }, () => `(SELECT string_agg(${column}::text, ',') FROM ${table})`).join(", ")} --`);
  }
  return payloads;
}

function stackedPayloads(table: string): string[] {
  return [`'; DROP TABLE ${table}; --`, `1; DROP TABLE ${table}; --`, `%'; DROP TABLE ${table}; --`, `'); DROP TABLE ${table}; --`, `1; DELETE FROM ${table}`, `'; DELETE FROM ${table}; --`];
}

/**
 * Sends each payload through the input and reports every answer that shows injection.
 *
 * @example
 * const client = http(app);
 * const findings = await attack.sqlInjection({
 *   input: "the q parameter of GET /notes",
 *   send: (value) => client.get("/notes", { query: { q: value } }),
 *   secrets: [privateTitle],
 *   union: { table: "members", column: "password_hash" },
 *   intact: async () => ((await database.query("SELECT count(*) AS n FROM notes"))[0].n === 3 ? undefined : "notes lost rows"),
 * });
 * expect(findings, "SQL injection through ?q=").toHaveNoFindings();
 */
export async function probeSqlInjection(options: SqlInjectionOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const payloads = [
    ...BREAKING,
    ...WIDENING,
    ...(options.union ? unionPayloads(options.union.table, options.union.column) : []),
    ...stackedPayloads(options.dropTable ?? "notes"),
  ];
  const seen = new Set<string>();
  for (const payload of payloads) {
    const response = await options.send(payload);
    const what = `sent ${quote(payload)} as ${options.input}`;
    // One finding of each kind is enough to say what is wrong; more would bury it.
    if (response.status >= 500 && !seen.has("error")) {
      seen.add("error");
      findings.push(finding("sqlInjection", `${what}: the app answered ${response.status}, so the input broke the SQL statement: it is pasted into the SQL text instead of being sent as a $1 parameter`));
    }
    const leaked = options.secrets.find((secret) => secret !== "" && response.text.includes(secret));
    if (leaked !== undefined && !seen.has(`leak ${leaked}`)) {
      seen.add(`leak ${leaked}`);
      findings.push(finding("sqlInjection", `${what}: the answer (${response.status}) contains ${quote(leaked)}, which this route must never show: the input changed what the query selects`));
    }
    const changed = await options.intact?.();
    if (changed !== undefined && !seen.has("changed")) {
      seen.add("changed");
      findings.push(finding("sqlInjection", `${what}: afterwards ${changed}: the input ran as SQL of its own`));
    }
  }
  return findings;
}
