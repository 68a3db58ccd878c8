/**
 * The rules a Set-Cookie header must follow (RFC 6265 and its revision, RFC 6265bis), checked
 * before a header is written: a cookie that breaks them is silently dropped by browsers, which is
 * a bug that is hard to see. Breaking a rule throws a TypeError that says which one.
 */

/** The SameSite values browsers know; input is matched case-insensitively. */
export type SameSite = "Strict" | "Lax" | "None";
/** Chrome's `Priority` attribute. */
export type CookiePriority = "Low" | "Medium" | "High";

/** Browsers cap Max-Age and Expires at 400 days (RFC 6265bis §5.6.1–5.6.2). */
export const MAX_COOKIE_AGE_SECONDS = 400 * 24 * 60 * 60;

/** RFC 7230 token: what a cookie name may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * RFC 6265 cookie-octets: printable ASCII without space, `"`, `,`, `;` and `\`. A loop, not a
 * regex: every session save checks its whole signed value.
 */
function isCookieOctets(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x21 || code > 0x7e || code === 0x22 || code === 0x2c || code === 0x3b || code === 0x5c) return false;
  }
  return true;
}
/** Path: any printable character but `;` (no controls). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const PATH = /^\/[^\x00-\x1F\x7F;]*$/;
const DOMAIN = /^\.?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.?$/;

export function assertCookieName(name: string): void {
  if (typeof name !== "string" || !TOKEN.test(name)) {
    throw new TypeError(`Invalid cookie name ${JSON.stringify(name)}: it must be a non-empty token (letters, digits and !#$%&'*+-.^_\`|~)`);
  }
}

export function assertCookieValue(name: string, value: string): void {
  if (typeof value !== "string" || !isCookieOctets(value)) {
    throw new TypeError(
      `Invalid value for cookie ${JSON.stringify(name)}: spaces, control characters, non-ASCII and ` +
        `the characters " , ; \\ are not allowed; encode the value first (e.g. encodeURIComponent)`,
    );
  }
}

export function assertPath(path: string): void {
  if (!PATH.test(path)) {
    throw new TypeError(`Invalid cookie Path ${JSON.stringify(path)}: it must start with "/" and contain no ";" or control characters`);
  }
}

export function assertDomain(domain: string): void {
  if (!DOMAIN.test(domain)) {
    throw new TypeError(`Invalid cookie Domain ${JSON.stringify(domain)}: use an ASCII (punycode) host name`);
  }
}

function pick<T extends string>(what: string, allowed: readonly T[], input: string): T {
  const match = allowed.find((option) => option.toLowerCase() === String(input).toLowerCase());
  if (!match) {
    throw new TypeError(`Invalid cookie ${what} ${JSON.stringify(input)}: use one of ${allowed.join(", ")}`);
  }
  return match;
}

/** Normalizes `"lax"` to `"Lax"`; anything that is not Strict, Lax or None throws. */
export function normalizeSameSite(input: string): SameSite {
  return pick("SameSite", ["Strict", "Lax", "None"] as const, input);
}

/** Normalizes `"high"` to `"High"`; anything that is not Low, Medium or High throws. */
export function normalizePriority(input: string): CookiePriority {
  return pick("Priority", ["Low", "Medium", "High"] as const, input);
}

/** Whole seconds, at most 400 days; negative ages mean "expire now", i.e. 0. */
export function clampMaxAge(maxAge: number): number {
  if (typeof maxAge !== "number" || !Number.isFinite(maxAge)) {
    throw new TypeError(`Invalid cookie Max-Age ${String(maxAge)}: it must be a finite number of seconds`);
  }
  return Math.min(Math.max(Math.floor(maxAge), 0), MAX_COOKIE_AGE_SECONDS);
}

/** An expiry no later than 400 days from now. */
export function clampExpires(expires: Date, now = Date.now()): Date {
  if (!(expires instanceof Date) || Number.isNaN(expires.getTime())) {
    throw new TypeError("Invalid cookie Expires: it must be a valid Date");
  }
  return new Date(Math.min(expires.getTime(), now + MAX_COOKIE_AGE_SECONDS * 1000));
}

/** The attributes the cross-attribute rules look at. */
interface CookieFlags {
  secure: boolean;
  httpOnly: boolean;
  path: string | undefined;
  domain: string | undefined;
  sameSite: SameSite | undefined;
  partitioned: boolean;
}

/**
 * Rules that tie attributes together: SameSite=None and Partitioned need Secure, and the name
 * prefixes (matched case-insensitively, as browsers do) promise the browser certain attributes.
 */
export function assertCookieFlags(name: string, flags: CookieFlags): void {
  const fail = (rule: string) => {
    throw new TypeError(`Cookie ${JSON.stringify(name)}: ${rule}`);
  };
  if (flags.sameSite === "None" && !flags.secure) fail("SameSite=None requires Secure (browsers reject it otherwise)");
  if (flags.partitioned && !flags.secure) fail("Partitioned requires Secure");
  const lower = name.toLowerCase();
  if (lower.startsWith("__secure-") && !flags.secure) fail("the __Secure- prefix requires Secure");
  const hostPrefix = lower.startsWith("__host-");
  if (hostPrefix || lower.startsWith("__http-")) {
    if (!flags.secure) fail(`the ${hostPrefix ? "__Host-" : "__Http-"} prefix requires Secure`);
  }
  if (lower.startsWith("__http-") || lower.startsWith("__host-http-")) {
    if (!flags.httpOnly) fail("the __Http- prefixes require HttpOnly");
  }
  if (hostPrefix) {
    if (flags.path !== "/") fail('the __Host- prefix requires Path="/"');
    if (flags.domain !== undefined) fail("the __Host- prefix forbids a Domain");
  }
}
