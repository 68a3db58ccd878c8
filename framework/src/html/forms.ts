/**
 * Small helpers for forms that fail safely: show each field's validation messages beside it, keep
 * what the user typed (never a password), and say so to assistive technology. Everything goes
 * through the `html` template, so submitted text is escaped like any other value.
 */

import { html } from "./html.ts";
import type { HtmlString } from "./html-string.ts";

/**
 * One validation problem, shaped like the `errors` of Vial's RFC 9457 (`application/problem+json`) answers.
 *
 * @example
 * ```ts
 * import type { FieldError } from "vial";
 * const error: FieldError = { location: "form", path: ["email"], message: "Enter an email address." };
 * ```
 */
export interface FieldError {
  location?: string;
  /** The field: `["email"]`, `["address", "city"]`, a dotted string `"address.city"` or a JSON Pointer `"/address/city"`. */
  path: string | readonly (string | number)[];
  message: string;
}

/**
 * A list of problems, or a whole problem document holding one in `errors`.
 *
 * @example
 * ```ts
 * import { fieldErrors, type FieldErrors } from "vial";
 * const errors: FieldErrors = { errors: [{ path: "email", message: "Required." }] };
 * fieldErrors(errors, "email"); // <ul class="errors" ...><li>Required.</li></ul>
 * ```
 */
export type FieldErrors = readonly FieldError[] | { readonly errors?: readonly FieldError[] } | null | undefined;

/**
 * Submitted values ready to re-render a form: repeated fields become arrays.
 *
 * @example
 * ```ts
 * import { formValues, type FormValues } from "vial";
 * const values: FormValues = formValues(new URLSearchParams("tag=a&tag=b&name=Ada")); // { tag: ["a", "b"], name: "Ada" }
 * ```
 */
export type FormValues = Record<string, string | string[]>;

function errorList(errors: FieldErrors): readonly FieldError[] {
  if (errors === null || errors === undefined) return [];
  return Array.isArray(errors) ? errors : ((errors as { errors?: readonly FieldError[] }).errors ?? []);
}

/** Reads a JSON Pointer (`/address/city`, `#/address/city`) as a dotted path; other strings are dotted already. */
function fromPointer(path: string): string {
  const pointer = /^#?\//.exec(path);
  if (pointer === null) return path;
  return path
    .slice(pointer[0].length)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");
}

/** Whether an error's path names the field `name` (list items such as `tags.0` count for `tags`). */
function isFor(error: FieldError, name: string): boolean {
  const path = typeof error.path === "string" ? fromPointer(error.path) : error.path.join(".");
  if (path === name) return true;
  return (
    path.startsWith(`${name}.`) &&
    path
      .slice(name.length + 1)
      .split(".")
      .every((part) => /^\d+$/.test(part))
  );
}

/**
 * Renders the messages for one field as `<ul class="errors" id="NAME-errors">`, or nothing when the
 * field has none. `path` may be an array (`["email"]`), a dotted string (`"address.city"`) or a
 * JSON Pointer (`"/address/city"`).
 *
 * @example
 * ```ts
 * import { fieldErrors, html } from "vial";
 * const errors = [{ location: "form", path: ["email"], message: "Enter an email address." }];
 * html`<input name="email" aria-describedby="email-errors">${fieldErrors(errors, "email")}`;
 * // ...<ul class="errors" id="email-errors"><li>Enter an email address.</li></ul>
 * ```
 */
export function fieldErrors(errors: FieldErrors, name: string, options: { id?: string } = {}): HtmlString {
  const messages = errorList(errors)
    .filter((error) => isFor(error, name))
    .map((error) => error.message);
  if (messages.length === 0) return html``;
  const id = options.id ?? `${name}-errors`;
  return html`<ul class="errors" id="${id}">${messages.map((message) => html`<li>${message}</li>`)}</ul>`;
}

/**
 * Options of {@link input}; any other key becomes an attribute of the `<input>`.
 *
 * @example
 * ```ts
 * import { input, type InputOptions } from "vial";
 * const email: InputOptions = { name: "email", type: "email", label: "Email", values: { email: "ada@example.com" }, required: true };
 * input(email);
 * ```
 */
export interface InputOptions {
  name: string;
  /** Defaults to `"text"`. */
  type?: string;
  /** Text (escaped) or markup for a `<label>` tied to the input. */
  label?: string | HtmlString;
  /**
   * The value to show; defaults to `values[name]`. Never shown for `password` or `file` inputs.
   * For a checkbox or radio it is the box's own value (default `"on"`).
   */
  value?: unknown;
  /** Submitted values, e.g. from {@link formValues}. */
  values?: Readonly<Record<string, unknown>>;
  /** Validation problems; those for this field are listed under it. */
  errors?: FieldErrors;
  /** Defaults to `name`. */
  id?: string;
  [attribute: string]: unknown;
}

/**
 * Renders a labelled `<input>` inside `<div class="field">` that keeps the submitted value (never a
 * password), lists its validation messages, and marks itself `aria-invalid="true"` with
 * `aria-describedby` pointing at them. Checkboxes and radios are `checked` when `values` holds
 * their own value under their name.
 *
 * @example
 * ```ts
 * import { formValues, html, input } from "vial";
 * const values = formValues(new URLSearchParams("email=ada%40example&password=hunter2"));
 * const errors = [{ location: "form", path: ["email"], message: "Enter a valid email." }];
 * html`<form method="post">
 *   ${input({ name: "email", type: "email", label: "Email", values, errors, required: true })}
 *   ${input({ name: "password", type: "password", label: "Password", values })}
 *   <button>Sign in</button>
 * </form>`;
 * ```
 */
export function input(options: InputOptions): HtmlString {
  const { name, type = "text", label, value, values, errors, id = name, ...attributes } = options;
  const control: Record<string, unknown> = { ...attributes, type, id, name };
  if (type === "checkbox" || type === "radio") {
    // Here `value` is the box's own value, as in HTML; `values` says whether it was ticked.
    const own = value ?? "on";
    control["value"] = own;
    if (values !== undefined) {
      // Form values are strings or arrays of them; a caller's object compares as its string form, as in HTML.
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      control["checked"] = [values[name]].flat().some((item) => item !== undefined && String(item) === String(own));
    }
  } else if (type !== "password" && type !== "file") {
    const shown = value !== undefined ? value : values?.[name];
    control["value"] = Array.isArray(shown) ? shown[0] : shown;
  }
  const problems = fieldErrors(errors, name, { id: `${id}-errors` });
  const invalid = problems.markup !== "";
  if (invalid) {
    control["aria-invalid"] = "true";
    control["aria-describedby"] = [attributes["aria-describedby"], `${id}-errors`];
  }
  const labelMarkup = label === undefined ? null : html`<label for="${id}">${label}</label>`;
  return html`<div class="${invalid ? "field invalid" : "field"}">${labelMarkup}<input ${control}>${problems}</div>`;
}

/**
 * Turns submitted data into plain values for re-rendering a form: `FormData`, `URLSearchParams`,
 * anything with `getAll()`/`keys()` or `entries()` (a MultiDict), or a record such as a validated
 * body (nested objects flatten to dotted names like `address.city`, numbers become strings).
 * Repeated fields become arrays; uploaded files are left out, since a file input cannot be refilled.
 *
 * @example
 * ```ts
 * import { formValues } from "vial";
 * formValues(new URLSearchParams("name=Ada&tag=a&tag=b")); // { name: "Ada", tag: ["a", "b"] }
 * formValues({ age: 36, address: { city: "London" } });    // { age: "36", "address.city": "London" }
 * ```
 */
export function formValues(data: FormData | URLSearchParams | MultiDictLike | Readonly<Record<string, unknown>> | null | undefined): FormValues {
  const out: FormValues = {};
  if (data === null || data === undefined) return out;
  const add = (key: string, item: unknown): void => {
    if (item === null || item === undefined || isFile(item) || typeof item === "object") return;
    // Objects returned above: what is left is a primitive (or a function, shown as its source, as JavaScript does).
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    const text = String(item);
    const existing = out[key];
    out[key] = existing === undefined ? text : [...[existing].flat(), text];
  };
  const multi = data as MultiDictLike;
  if (typeof multi.getAll === "function" && typeof multi.keys === "function") {
    for (const key of new Set(multi.keys())) for (const item of multi.getAll(key)) add(key, item);
  } else if (typeof multi.entries === "function") {
    for (const [key, item] of multi.entries()) add(key, item);
  } else {
    flatten(data as Readonly<Record<string, unknown>>, "", add);
  }
  return out;
}

/**
 * What `formValues` reads from a multi-valued mapping (Werkzeug's MultiDict, `FormData`, ...).
 *
 * @example
 * ```ts
 * import { MultiDict, type MultiDictLike } from "vial";
 * const submitted: MultiDictLike = new MultiDict([["name", "Ada"]]);
 * ```
 */
export interface MultiDictLike {
  getAll?(key: string): Iterable<unknown>;
  keys?(): Iterable<string>;
  entries?(): Iterable<[string, unknown]>;
}

function flatten(record: Readonly<Record<string, unknown>>, prefix: string, add: (key: string, item: unknown) => void): void {
  for (const [key, item] of Object.entries(record)) {
    const name = prefix + key;
    if (Array.isArray(item)) item.forEach((element) => add(name, element));
    else if (item instanceof Date) add(name, item.toISOString());
    else if (typeof item === "object" && item !== null && !isFile(item)) flatten(item as Record<string, unknown>, `${name}.`, add);
    else add(name, item);
  }
}

function isFile(value: unknown): boolean {
  return typeof Blob !== "undefined" && value instanceof Blob;
}
