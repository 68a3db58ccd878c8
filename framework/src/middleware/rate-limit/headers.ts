/**
 * The rate-limit response headers. Two forms of the IETF draft "RateLimit header fields for
 * HTTP" (draft-ietf-httpapi-ratelimit-headers):
 * - `"draft-8"` (the default; the current form since draft 8): a `RateLimit-Policy` and a
 *   `RateLimit` structured field, one list item per policy, so several limiters on one request
 *   (an app-wide one and a blueprint's) each add their item:
 *   `RateLimit-Policy: "api";q=100;w=60` and `RateLimit: "api";r=42;t=17`.
 * - `"draft-6"`: the older separate fields most existing clients read:
 *   `RateLimit-Limit: 100`, `RateLimit-Remaining: 42`, `RateLimit-Reset: 17`; when several
 *   limiters apply, the one with the fewest requests remaining is shown.
 */

/**
 * Which form of the headers to send, or `false` for none.
 *
 * @example
 * ```ts
 * import { Vial, rateLimit, type RateLimitHeaderStyle } from "vial";
 *
 * // Older clients read RateLimit-Limit / -Remaining / -Reset.
 * const style: RateLimitHeaderStyle = "draft-6";
 * const app = new Vial();
 * app.use(rateLimit({ window: 60, max: 100, headers: style }));
 * ```
 */
export type RateLimitHeaderStyle = "draft-8" | "draft-6" | false;

/** One limiter's state for one request. */
export interface RateLimitState {
  name: string;
  limit: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until the window ends. */
  resetSeconds: number;
}

/** Adds the state to the headers in the chosen style. */
export function addRateLimitHeaders(headers: Headers, state: RateLimitState, style: RateLimitHeaderStyle): void {
  if (style === "draft-8") {
    const name = JSON.stringify(state.name);
    headers.append("ratelimit-policy", `${name};q=${state.limit};w=${state.windowSeconds}`);
    headers.append("ratelimit", `${name};r=${state.remaining};t=${state.resetSeconds}`);
  } else if (style === "draft-6") {
    const shown = headers.get("ratelimit-remaining");
    if (shown !== null && Number(shown) <= state.remaining) return;
    headers.set("ratelimit-limit", String(state.limit));
    headers.set("ratelimit-remaining", String(state.remaining));
    headers.set("ratelimit-reset", String(state.resetSeconds));
  }
}
