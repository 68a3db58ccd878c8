/**
 * Open redirects: the spellings of "another site" that slip past naive checks such as
 * `target.startsWith("/")`, sent through a redirect that takes user input. The `Location` the
 * app answers is resolved with the WHATWG URL parser, as a browser would resolve it.
 */
import type { CheckResponse } from "../http";
import { finding, quote, type Finding } from "./finding";
import type { Random } from "./random";

/** Where the app under test believes it is; relative Locations resolve against it. */
const APP_ORIGIN = "http://localhost";

/**
 * The spellings tried, `HOST` being a random foreign host. Each one, resolved by a browser
 * against the app's own page, leads off-site or runs script.
 */
const SPELLINGS: readonly string[] = [
  "https://HOST/",
  "HTTPS://HOST/",
  "//HOST/",
  "///HOST/",
  "/\\HOST/",
  "\\/HOST/",
  "\\\\HOST/",
  " //HOST/",
  "/\t/HOST/",
  "/\n/HOST/",
  "%2F%2FHOST/",
  "/%2F/HOST/",
  "/%5CHOST/",
  // Dot segments: an app that parses the target and keeps its path gets "//HOST/" back from these.
  "/.//HOST/",
  "/..//HOST/",
  "/%2e//HOST/",
  "/./\\HOST/",
  "https://localhost@HOST/",
  "https:HOST/",
  "javascript:alert(document.domain)//HOST",
  "JavaScript:alert(1)//HOST",
  "java\tscript:alert(1)//HOST",
  "data:text/html,HOST",
];

/** What the probe needs: a way to hand the redirect a target. */
export interface OpenRedirectOptions {
  /** Sends a request whose redirect target is `target` (e.g. as `?next=`), and returns the response. */
  send(target: string): Promise<CheckResponse>;
  /** Names the input in findings: `the next parameter of GET /login`. */
  input: string;
}

/**
 * Where a response sends the browser, resolved as a browser would, or undefined when it is not a
 * redirect (or its Location cannot be parsed, which a browser would not follow either).
 *
 * @example
 * redirectTarget(res) // URL { href: "https://evil.example/" } for Location: /\evil.example/
 */
export function redirectTarget(response: CheckResponse): URL | undefined {
  const location = response.headers.get("location");
  if (location === null || response.status < 300 || response.status > 399) return undefined;
  try {
    return new URL(location, `${APP_ORIGIN}/`);
  } catch {
    return undefined;
  }
}

/** Why `target` is not a safe place to send the browser, or undefined when it is the app's own site. */
function leaves(target: URL): string | undefined {
  if (target.protocol === "http:" || target.protocol === "https:") {
    return target.host === new URL(APP_ORIGIN).host ? undefined : `another site, ${target.host}`;
  }
  return `a ${target.protocol} URL, which runs in or replaces the page`;
}

/**
 * Sends every spelling of a foreign target through `options.send` and reports each redirect that
 * leaves the site.
 *
 * @example
 * const findings = await attack.openRedirect({
 *   input: "the next parameter of POST /login",
 *   send: (target) => http(app).post("/login", { query: { next: target }, json: ADA }),
 * });
 * expect(findings, "redirects after login").toHaveNoFindings();
 */
export async function probeOpenRedirect(random: Random, options: OpenRedirectOptions): Promise<Finding[]> {
  const host = `${random.word(6)}.example`;
  const found: Finding[] = [];
  for (const spelling of SPELLINGS) {
    const sent = spelling.replaceAll("HOST", host);
    const response = await options.send(sent);
    const target = redirectTarget(response);
    const reason = target && leaves(target);
    if (reason) {
      found.push(finding("open-redirect", `sent ${quote(sent)} as ${options.input}; the app answered ${response.status} with Location: ${quote(response.headers.get("location") ?? "")}, which a browser follows to ${reason} (${target.href})`));
    }
  }
  return found;
}
