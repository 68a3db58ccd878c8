/**
 * `html`, two tools under one name (as `vial` exports it): a tagged template that escapes what
 * it interpolates, and a response helper like `json()`. Which one you get depends on how it is
 * called, and the overloads give each call its own type.
 */

import { HtmlString, isHtmlString } from "./html-string.ts";
import { renderTemplate } from "./render.ts";

/**
 * Builds HTML with every interpolated value escaped for where it lands, or makes an HTML response.
 *
 * As a **tagged template** it returns an {@link HtmlString}:
 * - text and quoted or unquoted attribute values are escaped (`& < > " '`, and in unquoted values
 *   whitespace, `=` and backticks too, so a value can never end its attribute);
 * - URL attributes (`href`, `src`, `action`, `formaction`, `xlink:href`, `poster`, `cite`, ...)
 *   accept relative URLs and `http:`, `https:`, `mailto:`, `tel:`, `sms:`, `ftp:` and raster
 *   `data:image/...`; any other scheme (`javascript:`, `vbscript:`, `data:text/html`, ...), however
 *   disguised, renders as `about:invalid#vial-unsafe-url` instead;
 * - values inside `<script>` or `<style>`, in `on*` event handlers or `srcdoc`, throw unless `raw()`;
 *   tag and attribute names cannot be interpolated;
 * - between attributes, an object becomes attributes: `<input ${{ required: true, name }}>`;
 * - `null`, `undefined` and `false` render nothing, `0` renders "0"; arrays and other iterables
 *   are joined (with spaces inside attribute values); `HtmlString`s (nested templates, `raw()`) go
 *   in unescaped; a Promise or a function throws a TypeError (await or call it first).
 *
 * Called as **`html(body, init?)`** it returns a `Response` with `content-type: text/html;
 * charset=utf-8` (unless `init.headers` sets one). A string body is taken as markup you vouch for,
 * as Flask does with a returned `str`.
 *
 * Layouts and partials are plain functions returning `html`.
 *
 * @example
 * ```ts
 * import { html, type HtmlString } from "vial";
 *
 * // A layout and a partial: plain functions returning html.
 * const layout = (title: string, body: HtmlString) => html`<!doctype html>
 *   <title>${title}</title>
 *   <main>${body}</main>`;
 * const userCard = (user: { name: string; site: string }) =>
 *   html`<li><a href="${user.site}">${user.name}</a></li>`;
 *
 * const users = [{ name: "<Ada>", site: "javascript:alert(1)" }];
 * const page = layout("Users", html`<ul>${users.map(userCard)}</ul>`);
 * // ...<li><a href="about:invalid#vial-unsafe-url">&lt;Ada&gt;</a></li>...
 * // A handler may return `page` as is (sent as text/html), or build the response itself:
 * const response: Response = html(page, { status: 201 });
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): HtmlString;
export function html(body: string | HtmlString, init?: ResponseInit): Response;
export function html(first: TemplateStringsArray | string | HtmlString, ...rest: unknown[]): HtmlString | Response {
  if (isTemplateStrings(first)) return new HtmlString(renderTemplate(first, rest));
  return htmlResponse(first, rest[0] as ResponseInit | undefined);
}

function isTemplateStrings(value: unknown): value is TemplateStringsArray {
  return Array.isArray(value) && Array.isArray((value as { raw?: unknown }).raw);
}

function htmlResponse(body: string | HtmlString, init: ResponseInit | undefined): Response {
  if (typeof body !== "string" && !isHtmlString(body)) {
    throw new TypeError("html(body, init?) takes a string or an HtmlString; to build markup use it as a tagged template: html`<p>${text}</p>`");
  }
  const headers = new Headers(init?.headers);
  if (!headers.has("content-type")) headers.set("content-type", "text/html; charset=utf-8");
  return new Response(String(body), { ...init, headers });
}
