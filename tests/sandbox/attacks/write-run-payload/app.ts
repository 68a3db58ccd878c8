/**
 * Attack: the lesson's checks sit in the run folder (.vial/checks.ts) and are loaded again by
 * the next check of the same sandbox. Replace them with a check that always passes, so the
 * second `check()` passes. Prints "LEAKED:" when the write worked.
 * Must happen: the write is refused; this and every later report is fail or error.
 */
import { Vial } from "vial";

export const app = new Vial();

const fs = typeof process !== "undefined" ? process.getBuiltinModule?.("fs") : undefined;
for (const target of [".vial/checks.ts", ".vial/runtime.mjs"]) {
  try {
    const passing = target.endsWith(".ts")
      ? `import { check } from "grader";\ncheck("everything", () => {});\n`
      : `export async function runChecks() { return { status: "pass", durationMs: 1, checks: [{ name: "everything", status: "pass" }] }; }\n`;
    fs?.writeFileSync(target, passing);
    console.log(`LEAKED: replaced ${target}`);
  } catch {
    // Refused.
  }
}
