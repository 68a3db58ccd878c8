/**
 * Thrown by a converter to refuse a value. While matching, it means "this rule does not
 * match" and matching goes on with other rules (a 404 if none is left); while building, the
 * rule cannot be built from the value.
 *
 * @example
 * ```ts
 * import { ValidationError } from "vial/routing";
 * const even = () => ({
 *   regex: "\\d+", weight: 50, partIsolating: true,
 *   toValue(raw: string) { const n = Number(raw); if (n % 2) throw new ValidationError(); return n; },
 *   toUrl: (value: unknown) => String(value),
 * });
 * ```
 */
export class ValidationError extends Error {
  constructor(message = "value refused by converter") {
    super(message);
    this.name = "ValidationError";
  }
}
