/**
 * Message flashing, as Flask's `flash` / `get_flashed_messages`: a message recorded in one
 * request (typically before a redirect) is shown by the next page that asks for it, once. The
 * messages live in the session under `_flashes` as `[category, message]` pairs, exactly where
 * Flask keeps them, so the two can flash to each other.
 */
import type { VialRequest } from "./request.ts";

const FLASHES_KEY = "_flashes";

/** What one request popped from the session: later calls in the same request see the same list. */
const poppedThisRequest = new WeakMap<object, [string, string][]>();

/** A request as handlers receive it (any route's `req`): only its session is used. */
type RequestWithSession = Pick<VialRequest, "session">;

/**
 * Options of {@link getFlashedMessages}.
 *
 * @example
 * ```ts
 * import type { FlashOptions } from "vial";
 * const onlyErrors: FlashOptions = { withCategories: true, categoryFilter: ["error"] };
 * ```
 */
export interface FlashOptions {
  /** Return `[category, message]` pairs instead of messages. */
  withCategories?: boolean;
  /** Only messages of these categories. */
  categoryFilter?: string | readonly string[];
}

/**
 * Records a message for the next page that calls {@link getFlashedMessages}. Needs a
 * `SECRET_KEY`, since the messages are kept in the session.
 *
 * @example
 * ```ts
 * import { Vial, flash, redirect } from "vial";
 * const app = new Vial({ config: { SECRET_KEY: "dev" } });
 * app.post("/save", (req) => {
 *   flash(req, "Saved.", "success");
 *   return redirect("/");
 * });
 * ```
 */
export function flash(req: RequestWithSession, message: string, category = "message"): void {
  const flashes = req.session.get<unknown>(FLASHES_KEY);
  const list: unknown[] = Array.isArray(flashes) ? [...(flashes as unknown[])] : [];
  list.push([category, message]);
  req.session.set(FLASHES_KEY, list);
}

/**
 * The flashed messages, removed from the session so each is shown once. The first call in a
 * request takes them; further calls in the same request return the same messages.
 *
 * @example
 * ```ts
 * import { Vial, getFlashedMessages, html } from "vial";
 * const app = new Vial({ config: { SECRET_KEY: "dev" } });
 * app.get("/", (req) => {
 *   const messages = getFlashedMessages(req, { withCategories: true });
 *   return html`<ul>${messages.map(([category, text]) => html`<li class="${category}">${text}</li>`)}</ul>`;
 * });
 * ```
 */
export function getFlashedMessages(req: RequestWithSession, options?: FlashOptions & { withCategories?: false }): string[];
export function getFlashedMessages(req: RequestWithSession, options: FlashOptions & { withCategories: true }): [string, string][];
export function getFlashedMessages(req: RequestWithSession, options?: FlashOptions): string[] | [string, string][];
export function getFlashedMessages(req: RequestWithSession, options: FlashOptions = {}): string[] | [string, string][] {
  let flashes = poppedThisRequest.get(req);
  if (flashes === undefined) {
    flashes = req.session.has(FLASHES_KEY) ? toPairs(req.session.pop(FLASHES_KEY)) : [];
    poppedThisRequest.set(req, flashes);
  }
  const { categoryFilter } = options;
  if (categoryFilter !== undefined && categoryFilter.length > 0) {
    const wanted = typeof categoryFilter === "string" ? [categoryFilter] : categoryFilter;
    flashes = flashes.filter(([category]) => wanted.includes(category));
  }
  return options.withCategories ? flashes.map(([category, message]): [string, string] => [category, message]) : flashes.map(([, message]) => message);
}

/** The stored pairs, tolerating anything another app (or an older Vial) may have put there. */
function toPairs(stored: unknown): [string, string][] {
  if (!Array.isArray(stored)) return [];
  const pairs: [string, string][] = [];
  for (const item of stored) {
    if (Array.isArray(item) && item.length === 2) pairs.push([String(item[0]), String(item[1])]);
  }
  return pairs;
}
