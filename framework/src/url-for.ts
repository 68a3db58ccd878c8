/**
 * Options for `app.urlFor` / `req.urlFor`, as Flask's `url_for` underscore arguments.
 *
 * @example
 * ```ts
 * import type { UrlForOptions } from "vial";
 * const options: UrlForOptions = { external: true, anchor: "comments", scheme: "https" };
 * ```
 */
export interface UrlForOptions {
  /** An absolute URL with scheme and host (from the request, else `SERVER_NAME`). */
  external?: boolean;
  /** Appended after `#`, percent-encoded. */
  anchor?: string;
  /** Pick the rule that accepts this method when an endpoint has several. */
  method?: string;
  /** Scheme for an external URL; implies `external`. */
  scheme?: string;
}

/** Characters Werkzeug leaves unquoted in a fragment. */
export function encodeAnchor(anchor: string): string {
  return encodeURIComponent(anchor).replace(/%(21|23|24|26|27|28|29|2A|2B|2C|2F|3A|3B|3D|3F|40)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
