/**
 * HTML for Vial: the autoescaping `html` template (also the `html()` response helper), `raw()`
 * for markup you vouch for, and form helpers that render validation errors and keep input.
 */

export { HtmlString, isHtmlString, raw } from "./html-string.ts";
export { escapeHtml } from "./escape.ts";
export { html } from "./html.ts";
export { fieldErrors, formValues, input } from "./forms.ts";
export type { FieldError, FieldErrors, FormValues, InputOptions, MultiDictLike } from "./forms.ts";
