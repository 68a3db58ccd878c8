/**
 * `parse` as checks see it, without the parsers themselves: `dockerfile-ast` and `yaml`
 * (config-files.ts) are a bundle of their own (`.vial/config-parsers.mjs`), which the host loads
 * only for checks that use `parse` (payload/uses-config-parsers.ts), before they run, and hands
 * to the grader. Every other lesson's grader runtime is spared them.
 */
import type { ConfigParsers } from "./config-files";

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
