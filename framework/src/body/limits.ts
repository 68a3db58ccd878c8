/**
 * Size limits for request bodies, the counterparts of Flask's `MAX_CONTENT_LENGTH`,
 * `MAX_FORM_MEMORY_SIZE` and `MAX_FORM_PARTS`. Going over any of them is a 413.
 */

/**
 * Limits applied while a body is read; `null` means no limit.
 *
 * @example
 * ```ts
 * const limits: BodyLimits = { maxContentLength: 16 * 1024 * 1024, maxFormMemorySize: 500_000, maxFormParts: 1_000 };
 * ```
 */
export interface BodyLimits {
  /** Largest whole body in bytes (Flask `MAX_CONTENT_LENGTH`, default `null`). */
  maxContentLength: number | null;
  /** Largest non-file form field in bytes, and largest urlencoded body (Flask `MAX_FORM_MEMORY_SIZE`). */
  maxFormMemorySize: number | null;
  /** Most parts in a multipart body (Flask `MAX_FORM_PARTS`). */
  maxFormParts: number | null;
}

/**
 * Flask's defaults: no overall limit, 500 000 bytes per form field, 1 000 multipart parts.
 *
 * @example
 * ```ts
 * const form = await readFormBody(request, { ...DEFAULT_BODY_LIMITS, maxContentLength: 16 * 1024 * 1024 });
 * ```
 */
export const DEFAULT_BODY_LIMITS: Readonly<BodyLimits> = Object.freeze({
  maxContentLength: null,
  maxFormMemorySize: 500_000,
  maxFormParts: 1_000,
});
