/**
 * A small cookie jar for the test client: stores `Set-Cookie` answers and sends back the cookies
 * whose domain and path match, honouring expiry. Not a full browser jar (no public-suffix list).
 */
interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  expires: number | undefined;
  secure: boolean;
}

/**
 * Cookies kept between test requests.
 *
 * @example
 * ```ts
 * import { CookieJar } from "vial/testing";
 * const jar = new CookieJar();
 * jar.store(new URL("http://localhost/"), ["a=1; Path=/"]);
 * jar.header(new URL("http://localhost/x")); // "a=1"
 * ```
 */
export class CookieJar {
  #cookies: StoredCookie[] = [];

  /** Records the `Set-Cookie` header values received for `url`. */
  store(url: URL, setCookies: readonly string[], now = Date.now()): void {
    for (const line of setCookies) {
      const cookie = parseSetCookie(line, url, now);
      if (!cookie) continue;
      this.#cookies = this.#cookies.filter((c) => !(c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path));
      if (cookie.expires === undefined || cookie.expires > now) this.#cookies.push(cookie);
    }
  }

  /** The `Cookie` header to send to `url`, or undefined when no cookie applies. */
  header(url: URL, now = Date.now()): string | undefined {
    const host = url.hostname.toLowerCase();
    const matching = this.#cookies.filter(
      (c) =>
        (c.expires === undefined || c.expires > now) &&
        (c.hostOnly ? host === c.domain : host === c.domain || host.endsWith(`.${c.domain}`)) &&
        pathMatches(url.pathname, c.path) &&
        (!c.secure || url.protocol === "https:" || host === "localhost"),
    );
    // Longer paths first, as browsers send them (RFC 6265 section 5.4).
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join("; ") : undefined;
  }

  /** The value of a cookie by name (any domain and path), for assertions. */
  get(name: string): string | undefined {
    return this.#cookies.find((c) => c.name === name)?.value;
  }

  /** Sets a cookie directly, as if the server had sent it. */
  set(name: string, value: string, url = new URL("http://localhost/")): void {
    this.store(url, [`${name}=${value}; Path=/`]);
  }

  /** Forgets every cookie. */
  clear(): void {
    this.#cookies = [];
  }
}

function parseSetCookie(line: string, url: URL, now: number): StoredCookie | undefined {
  const [pair = "", ...attributes] = line.split(";");
  const eq = pair.indexOf("=");
  if (eq <= 0) return undefined;
  const cookie: StoredCookie = {
    name: pair.slice(0, eq).trim(),
    value: pair.slice(eq + 1).trim(),
    domain: url.hostname.toLowerCase(),
    hostOnly: true,
    path: defaultPath(url.pathname),
    expires: undefined,
    secure: false,
  };
  let maxAgeSeen = false;
  for (const attribute of attributes) {
    const [rawKey = "", ...rest] = attribute.split("=");
    const key = rawKey.trim().toLowerCase();
    const value = rest.join("=").trim();
    if (key === "domain" && value) {
      cookie.domain = value.replace(/^\./, "").toLowerCase();
      cookie.hostOnly = false;
    } else if (key === "path" && value.startsWith("/")) cookie.path = value;
    else if (key === "secure") cookie.secure = true;
    else if (key === "max-age" && /^-?\d+$/.test(value)) {
      cookie.expires = now + Number(value) * 1000;
      maxAgeSeen = true;
    } else if (key === "expires" && !maxAgeSeen) {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expires = time;
    }
  }
  return cookie;
}

function defaultPath(pathname: string): string {
  const last = pathname.lastIndexOf("/");
  return last <= 0 ? "/" : pathname.slice(0, last);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}
