import type { Transform } from "../runtime/module-loader";

const RELATIVE_REQUIRE = /\brequire\((['"])(\.{1,2}\/[^'"]*)\1\)/g;

/**
 * The relative imports of the lesson's checks ("./app", "./secrets"): the learner modules the
 * grader must ask the learner's realm for before the checks run. Read from sucrase's output, so
 * type-only imports (erased) and commented-out ones do not count. Returns [] when the checks do
 * not compile (the loader reports that, with a code frame).
 *
 * @example
 * checksImports(`import { app } from "./app";\nimport type { Env } from "./env";`, transform) // ["./app"]
 */
export function checksImports(source: string, transform: Transform): string[] {
  let code: string;
  try {
    code = transform(source, { transforms: ["typescript", "imports"], filePath: "checks.ts", production: true, disableESTransforms: true }).code;
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (const match of code.matchAll(RELATIVE_REQUIRE)) found.add(match[2]!);
  return [...found];
}
