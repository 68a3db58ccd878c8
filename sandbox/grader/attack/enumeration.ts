/**
 * Account enumeration: a request that fails for an account that exists (a login with a wrong
 * password, a password-reset request) must fail the same way for one that does not. The probe
 * compares what an attacker can see of the two answers: status, Location, the cookies set, the
 * body (with the account's name itself blanked, so an echo of what was sent does not count), and
 * the time taken, where a skipped password check shows as an answer many times faster.
 */
import type { CheckResponse } from "../http";
import { finding, quote, type Finding } from "./finding";
import type { Random } from "./random";

/** What the probe needs: an account that exists and a request that must fail for it. */
export interface AccountEnumerationOptions {
  /** Names the input in findings: `the username of POST /login (with a wrong password)`. */
  input: string;
  /** An account that exists: its username or e-mail address. */
  known: string;
  /** Sends the failing request for `account` (the known one, or an unknown one) and returns the response. */
  send(account: string): Promise<CheckResponse>;
  /** An account that does not exist. Default: random letters, as an address at example.com when `known` is one. */
  unknown?: string;
  /** Requests per account; the fastest of each is compared. Default 3. */
  times?: number;
}

/**
 * How much faster the fastest unknown-account answer may be than the fastest known-account one:
 * a password check skipped for unknown accounts makes it tens of times faster, while the noise of
 * a busy machine only ever adds time, and the minimum of several tries filters most of it out.
 */
const FASTER_FACTOR = 4;
/** Gaps smaller than this (ms) are noise or a cheap lookup, not a skipped password check. */
const MIN_GAP_MS = 25;

/** What an attacker compares: the answer with the account's own name blanked out. */
function visible(response: CheckResponse, account: string): { status: number; location: string | null; cookies: string; body: string } {
  const blank = (text: string) => text.split(account).join("<account>");
  return {
    status: response.status,
    location: response.headers.get("location") === null ? null : blank(response.headers.get("location")!),
    cookies: Object.keys(response.cookies).sort().join(", ") || "(none)",
    body: blank(response.text),
  };
}

/**
 * Sends the failing request for the known account and an unknown one, `times` each, in turns,
 * and reports each difference an attacker could use to tell them apart.
 *
 * @example
 * const findings = await attack.accountEnumeration({
 *   input: "the username of POST /login (with a wrong password)",
 *   known: "ada",
 *   send: (username) => http(app).post("/login", { json: { username, password: random.password(16) } }),
 * });
 * expect(findings, "failed logins for ada and for nobody").toHaveNoFindings();
 */
export async function probeAccountEnumeration(random: Random, options: AccountEnumerationOptions): Promise<Finding[]> {
  const unknown = options.unknown ?? (options.known.includes("@") ? `${random.word(12)}@example.com` : random.word(12));
  const times = Math.max(1, options.times ?? 3);
  const fastest = { known: Infinity, unknown: Infinity };
  let answers: { known: CheckResponse; unknown: CheckResponse } | undefined;
  for (let attempt = 0; attempt < times; attempt++) {
    const sent: Partial<Record<"known" | "unknown", CheckResponse>> = {};
    for (const [which, account] of [["known", options.known], ["unknown", unknown]] as const) {
      const start = performance.now();
      sent[which] = await options.send(account);
      fastest[which] = Math.min(fastest[which], performance.now() - start);
    }
    answers ??= { known: sent.known!, unknown: sent.unknown! };
  }
  const found: Finding[] = [];
  const known = visible(answers!.known, options.known);
  const other = visible(answers!.unknown, unknown);
  const parts: [keyof typeof known, string][] = [["status", "status"], ["location", "Location"], ["cookies", "cookies set"], ["body", "body"]];
  for (const [part, label] of parts) {
    if (known[part] === other[part]) continue;
    found.push(
      finding(
        "account-enumeration",
        `sent ${quote(unknown)} (no such account) and ${quote(options.known)} (an account) as ${options.input}; the ${label} differed: ${quote(String(other[part]))} against ${quote(String(known[part]))}, which tells an attacker which accounts exist`,
      ),
    );
  }
  if (fastest.unknown * FASTER_FACTOR < fastest.known && fastest.known - fastest.unknown > MIN_GAP_MS) {
    found.push(
      finding(
        "account-enumeration",
        `sent ${quote(unknown)} (no such account) and ${quote(options.known)} (an account) as ${options.input}, ${times} times each; the fastest answer took ${Math.round(fastest.unknown)} ms for the unknown account against ${Math.round(fastest.known)} ms for the known one, so a stopwatch tells which accounts exist (is a password check skipped when there is no account?)`,
      ),
    );
  }
  return found;
}
