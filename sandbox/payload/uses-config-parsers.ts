/**
 * Which lessons get the config parsers (`.vial/config-parsers.mjs`, the grader's `parse`):
 * asked by buildPayload, the browser engines and the grader host. Apart from the grader, so the
 * page can ask without loading any of it.
 */

/**
 * True when a lesson's checks use `parse` (`import { parse } from "grader"`, or `….parse.yaml(`),
 * so its payload needs the config parsers. Every engine and host asks the same question.
 *
 * @example
 * usesConfigParsers('import { check, parse } from "grader";') // true
 */
export function usesConfigParsers(checks: string): boolean {
  return /\{[^}]*\bparse\b[^}]*\}\s*from\s*["']grader["']/.test(checks) || /\bparse\s*\.\s*(dockerfile|yaml)\b/.test(checks);
}
