/**
 * The one type that means "this is markup, not text". Everything the `html` template builds is an
 * `HtmlString`; a plain string interpolated into a template is text and gets escaped. Keeping the
 * two apart by type (like Jinja's `Markup`) is what makes autoescaping safe to compose.
 */

/**
 * A brand shared by every copy of Vial loaded in one realm (the sandbox bundle and a learner's own
 * import can be two copies), so `isHtmlString` still recognises markup built by the other copy.
 * Symbols cannot come out of JSON or form data, so user input can never carry the brand.
 */
const BRAND = Symbol.for("vial.HtmlString");

/**
 * Markup that is already safe to send: the result of the `html` template or of `raw()`.
 * Interpolating it into another template inserts it as is, without escaping it twice.
 *
 * @example
 * ```ts
 * import { html, HtmlString } from "vial";
 * const title: HtmlString = html`<h1>${"Tom & Jerry"}</h1>`;
 * title.toString(); // "<h1>Tom &amp; Jerry</h1>"
 * ```
 */
export class HtmlString {
  /** The markup itself. */
  readonly markup: string;

  /**
   * Wraps markup you vouch for. Prefer `raw()`, which says the same thing in a way code review can grep.
   */
  constructor(markup: string) {
    this.markup = markup;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** The markup, so `String(fragment)` and `` `${fragment}` `` give the HTML. */
  toString(): string {
    return this.markup;
  }

  /** Serialises as the markup string, so an `HtmlString` inside a JSON response is just its HTML. */
  toJSON(): string {
    return this.markup;
  }
}

/**
 * Tells whether a value is trusted markup (an `HtmlString`, from this or another copy of Vial).
 * The app core uses it to send such a return value as `text/html; charset=utf-8`.
 *
 * @example
 * ```ts
 * import { html, isHtmlString } from "vial";
 * isHtmlString(html`<p>hi</p>`); // true
 * isHtmlString("<p>hi</p>");      // false: a plain string is text until you say otherwise
 * ```
 */
export function isHtmlString(value: unknown): value is HtmlString {
  return value instanceof HtmlString || (typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true);
}

/**
 * The explicit, greppable way out of autoescaping: marks a string as markup you have made safe
 * yourself. It is inserted verbatim everywhere, even inside `<script>`, so never pass it user input.
 *
 * @example
 * ```ts
 * import { html, raw } from "vial";
 * const svgIcon = raw('<svg viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>');
 * html`<button>${svgIcon} Save</button>`;
 * ```
 */
export function raw(markup: string | HtmlString): HtmlString {
  if (isHtmlString(markup)) return markup;
  if (typeof markup !== "string") {
    throw new TypeError(`raw() takes a string of markup, got ${typeof markup}`);
  }
  return new HtmlString(markup);
}
