/**
 * Keeps the cookies an app sets, like a browser does for one site, so checks can log in and
 * then call a protected route with the same client. Paths and domains are ignored: a check
 * talks to one app.
 *
 * @example
 * const jar = new CookieJar();
 * jar.store(response.headers);
 * headers.set("cookie", jar.header());
 */
export class CookieJar {
  #cookies = new Map<string, string>();

  /** Remembers every `Set-Cookie` of a response; expired or `Max-Age=0` cookies are dropped. */
  store(headers: Headers): void {
    for (const line of setCookieLines(headers)) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (isExpired(attributes)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  /** The `Cookie` request header value, or "" when the jar is empty. */
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** The cookies currently held, by name. */
  all(): Record<string, string> {
    return Object.fromEntries(this.#cookies);
  }
}

function setCookieLines(headers: Headers): string[] {
  if (typeof headers.getSetCookie === "function") return headers.getSetCookie();
  const joined = headers.get("set-cookie");
  return joined ? [joined] : [];
}

function isExpired(attributes: string[]): boolean {
  for (const attribute of attributes) {
    const [rawKey = "", rawValue = ""] = attribute.split("=");
    const key = rawKey.trim().toLowerCase();
    const value = rawValue.trim();
    if (key === "max-age" && Number(value) <= 0) return true;
    if (key === "expires" && Date.parse(value) <= Date.now()) return true;
  }
  return false;
}
