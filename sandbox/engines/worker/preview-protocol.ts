/**
 * How the site's Service Worker and the page running the worker engine talk about previews, and
 * the pure URL rules behind it. Shared by preview-sw.ts (Service Worker side) and
 * preview-bridge.ts (page side).
 *
 * A preview lives under `/preview/<id>/`: the Service Worker turns each request there into a
 * {@link PreviewRequestMessage}, posts it to the site's windows with a reply port, and the page
 * that owns `<id>` answers with an `ack`, then the app's response.
 */
import { liftFramingRefusal, withFramingNote } from "./preview-framing";
import { previewPolicy, rewriteRootPaths } from "./preview-policy";
import type { SerializedRequest, SerializedResponse } from "./protocol";

/** Where previews live on the site's origin. */
export const DEFAULT_PREVIEW_PREFIX = "/preview/";

/** The message type the Service Worker posts to windows. */
export const PREVIEW_REQUEST = "vial-preview-request";

/** Service Worker → window: one request for preview `previewId`; the reply port is ports[0]. */
export interface PreviewRequestMessage {
  type: typeof PREVIEW_REQUEST;
  previewId: string;
  /** The request with its URL relative to the preview's root ("/users/7?page=2"). */
  request: SerializedRequest;
}

/** Window → Service Worker, over the reply port. */
export type PreviewReply =
  | { type: "ack" }
  | { type: "not-mine" }
  | { type: "response"; response: SerializedResponse };

/** Preview ids are short and URL-safe, so they never need escaping in a path. */
const PREVIEW_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * True for a valid preview id.
 *
 * @example
 * isPreviewId("a1b2c3") // true
 * isPreviewId("../x")   // false
 */
export function isPreviewId(id: string): boolean {
  return PREVIEW_ID.test(id);
}

/** What the Service Worker should do with a request. */
export type PreviewTarget =
  | { kind: "app"; previewId: string; path: string }
  | { kind: "redirect"; url: string };

function previewIdIn(pathname: string, prefix: string): { id: string; rest: string | undefined } | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  const tail = pathname.slice(prefix.length);
  const slash = tail.indexOf("/");
  const id = slash === -1 ? tail : tail.slice(0, slash);
  if (!isPreviewId(id)) return undefined;
  return { id, rest: slash === -1 ? undefined : tail.slice(slash) };
}

/**
 * Decides whether a request belongs to a preview:
 * - `/preview/<id>/path?query` goes to the app as `/path?query`;
 * - `/preview/<id>` (no slash) redirects to `/preview/<id>/`, so relative links resolve inside it;
 * - a same-origin request outside the prefix whose referrer is a preview page (a link like
 *   `<a href="/users">` in the learner's HTML) redirects into that preview (307 keeps the method).
 * Anything else is not a preview request (undefined).
 *
 * @example
 * previewTarget("http://x.test/preview/ab/users?p=2", "", "http://x.test")
 * // { kind: "app", previewId: "ab", path: "/users?p=2" }
 */
export function previewTarget(url: string, referrer: string, origin: string, prefix = DEFAULT_PREVIEW_PREFIX): PreviewTarget | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== origin) return undefined;
  const own = previewIdIn(parsed.pathname, prefix);
  if (own) {
    if (own.rest === undefined) return { kind: "redirect", url: `${origin}${prefix}${own.id}/${parsed.search}` };
    return { kind: "app", previewId: own.id, path: own.rest + parsed.search };
  }
  if (!referrer || parsed.pathname.startsWith(prefix)) return undefined;
  let from: URL;
  try {
    from = new URL(referrer);
  } catch {
    return undefined;
  }
  const via = from.origin === origin ? previewIdIn(from.pathname, prefix) : undefined;
  if (!via || via.rest === undefined) return undefined;
  return { kind: "redirect", url: `${origin}${prefix}${via.id}${parsed.pathname}${parsed.search}` };
}

/**
 * Keeps a redirect inside the preview: the app thinks it lives at the origin's root, so its
 * `Location: /login` (or `http://origin/login`) must become `/preview/<id>/login`. Relative
 * locations and other origins are left alone.
 *
 * @example
 * rewriteLocation("/login", "http://x.test", "/preview/ab") // "/preview/ab/login"
 */
export function rewriteLocation(location: string, origin: string, previewRoot: string): string {
  if (location.startsWith("//")) return location;
  if (location.startsWith("/")) return location.startsWith(previewRoot + "/") ? location : previewRoot + location;
  if (location.startsWith(origin + "/") || location === origin) {
    const path = location.slice(origin.length) || "/";
    return path.startsWith(previewRoot + "/") ? location : origin + previewRoot + path;
  }
  return location;
}

/** Referrer policies a browser knows; of a list, it uses the last one it knows. */
const REFERRER_POLICIES = new Set([
  "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
  "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url",
]);

/**
 * The app's `Referrer-Policy`, loosened only as far as the preview needs. A link in the preview
 * (`/about`) leaves the preview's path, and the Service Worker brings it back by the page it came
 * from, its same-origin `Referer`. `secureHeaders()` sends `no-referrer`, which would break
 * every link. So policies that hide the path from the same origin become the nearest ones that
 * do not, and what other origins see stays as strict as the app asked.
 *
 * @example
 * previewReferrerPolicy("no-referrer") // "same-origin"
 * previewReferrerPolicy("strict-origin") // "strict-origin-when-cross-origin"
 * previewReferrerPolicy("same-origin") // "same-origin"
 */
export function previewReferrerPolicy(value: string): string {
  const known = value.split(",").map((token) => token.trim().toLowerCase()).filter((token) => REFERRER_POLICIES.has(token));
  const policy = known.at(-1);
  if (policy === "no-referrer") return "same-origin";
  if (policy === "origin" || policy === "strict-origin") return "strict-origin-when-cross-origin";
  return value;
}

/** Statuses whose responses must not have a body (the Response constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The `ResponseInit` and body a Service Worker can build from an app's response: headers a
 * browser would refuse are dropped, redirects and root-relative links stay inside the preview,
 * the preview's policy (preview-policy.ts: an opaque origin, no network) is added, and the
 * document can be embedded in the cross-origin isolated site (COEP/CORP added unless the app
 * set them).
 *
 * @example
 * const { body, init } = previewResponseParts(serialized, { origin, previewRoot: "/preview/ab", method: "GET" });
 * return new Response(body, init);
 */
export function previewResponseParts(
  response: SerializedResponse,
  context: { origin: string; previewRoot: string; method: string },
): { body: ArrayBuffer | null; init: ResponseInit } {
  if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599) {
    const text = `The app answered with status ${response.status}, which a browser cannot show (use 200–599).`;
    return { body: new TextEncoder().encode(text).buffer as ArrayBuffer, init: { status: 502, headers: { "content-type": "text/plain; charset=utf-8" } } };
  }
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    // The browser would drop Set-Cookie anyway (the engine keeps cookies itself), and the body
    // arrives whole and decoded, so length and encoding headers would lie.
    if (lower === "set-cookie" || lower === "content-length" || lower === "content-encoding" || lower === "transfer-encoding") continue;
    if (lower === "location") headers.push([name, rewriteLocation(value, context.origin, context.previewRoot)]);
    else if (lower === "referrer-policy") headers.push([name, previewReferrerPolicy(value)]);
    else headers.push([name, value]);
  }
  // A frame-ancestors or X-Frame-Options refusal would leave the preview frame blank.
  const { headers: framable, refused } = liftFramingRefusal(headers);
  headers.splice(0, headers.length, ...framable);
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  if (!has("cross-origin-embedder-policy")) headers.push(["cross-origin-embedder-policy", "require-corp"]);
  if (!has("cross-origin-resource-policy")) headers.push(["cross-origin-resource-policy", "same-origin"]);
  // Always added, whatever the app sends: a browser enforces every policy a response carries.
  headers.push(["content-security-policy", previewPolicy(context.origin, context.previewRoot)]);
  const noBody = NULL_BODY_STATUSES.has(response.status) || context.method === "HEAD";
  if (noBody) return { body: null, init: { status: response.status, statusText: response.statusText, headers } };
  const type = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1] ?? "";
  const body = /^\s*text\/html/i.test(type)
    ? new TextEncoder().encode(noted(rewriteRootPaths(new TextDecoder().decode(response.body), context.previewRoot), refused)).buffer as ArrayBuffer
    : response.body;
  return { body, init: { status: response.status, statusText: response.statusText, headers } };
}

function noted(html: string, refused: string[]): string {
  return refused.length > 0 ? withFramingNote(html, refused) : html;
}

/**
 * True for a message the Service Worker posts about a preview request.
 *
 * @example
 * if (isPreviewRequestMessage(event.data)) answer(event.data, event.ports[0]);
 */
export function isPreviewRequestMessage(value: unknown): value is PreviewRequestMessage {
  const message = value as Partial<PreviewRequestMessage> | null;
  return typeof message === "object" && message !== null && message.type === PREVIEW_REQUEST && typeof message.previewId === "string"
    && typeof message.request === "object" && message.request !== null;
}

/**
 * A plain-text response for the preview's own errors (the app stopped, timed out, crashed).
 *
 * @example
 * textResponse(504, "Your app did not answer within 10 s.")
 */
export function textResponse(status: number, text: string): SerializedResponse {
  return {
    status, statusText: "",
    headers: [["content-type", "text/plain; charset=utf-8"]],
    body: new TextEncoder().encode(text).buffer as ArrayBuffer,
  };
}
