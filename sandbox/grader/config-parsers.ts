/**
 * `parse` as checks see it, without the parsers themselves: `dockerfile-ast` and `yaml`
 * (config-files.ts) are a bundle of their own (`.vial/config-parsers.mjs`), which the host loads
 * only for checks that use `parse`, before they run, and hands to the grader. Every other
 * lesson's grader runtime is spared them.
 */
import type { ConfigParsers } from "./config-files";

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

/**
 * The grader's `parse`: the loaded parsers, or, when the host loaded none (the checks did not
 * look as if they used `parse`), functions that say so instead of failing obscurely.
 *
 * @example
 * createGrader({ parsers: (await import("./config-parsers.mjs")).parse }).api.parse.yaml("on: push");
 */
export function graderParse(loaded: ConfigParsers | undefined): ConfigParsers {
  if (loaded) return loaded;
  const missing = (name: string) => () => {
    throw new Error(`parse.${name} is not loaded for this lesson: the sandbox loads the config parsers for checks that import { parse } from "grader".`);
  };
  return Object.freeze({ dockerfile: missing("dockerfile"), yaml: missing("yaml") });
}
