/**
 * Reading one `X-Forwarded-*` header the way Werkzeug's `ProxyFix._get_real_value` does. Each
 * proxy appends its value to the right, so only the right-most values come from proxies we run;
 * anything further left was sent by the client and may be forged.
 */

/** Splits a comma-separated list header; a value in double quotes is unquoted. */
function splitList(header: string): string[] {
  return header.split(",").map((item) => {
    const value = item.trim();
    return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, "$1") : value;
  });
}

/**
 * The value set by the outermost of `trusted` proxies: the `trusted`-th value from the right.
 * `undefined` when trust is 0, the header is missing, it has fewer values than there are trusted
 * proxies (a proxy is missing or misconfigured: better to ignore the header than to trust the
 * client's), or that value is empty.
 *
 * @example
 * ```ts
 * trustedValue("203.0.113.9, 10.0.0.1", 1); // "10.0.0.1"  (one proxy: only its value counts)
 * trustedValue("203.0.113.9, 10.0.0.1", 2); // "203.0.113.9"
 * trustedValue("10.0.0.1", 2);              // undefined
 * ```
 */
export function trustedValue(header: string | null, trusted: number): string | undefined {
  if (!trusted || !header) return undefined;
  const values = splitList(header);
  if (values.length < trusted) return undefined;
  return values[values.length - trusted] || undefined;
}
