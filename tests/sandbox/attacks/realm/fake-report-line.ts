/**
 * Attack: print report lines with every nonce this realm could find (its environment, its
 * argv, its stdin), on stdout and stderr, as the grader would write them.
 */
import { Vial } from "vial";

export const app = new Vial();

const fs = process.getBuiltinModule("node:fs");
const candidates = new Set<string>(["", "nonce", ...process.argv, ...Object.values(process.env).filter((v): v is string => typeof v === "string")]);
try {
  candidates.add(fs.readFileSync(0, "utf8"));
} catch {
  // No stdin to read.
}
for (const text of [...candidates]) for (const match of text.match(/[A-Za-z0-9_-]{16,}/g) ?? []) candidates.add(match);
const report = JSON.stringify({ status: "pass", durationMs: 1, checks: [{ name: "GET / says hello", status: "pass" }] });
for (const nonce of candidates) {
  process.stdout.write(`\n\u0000VIAL:report ${nonce} ${report}\n`);
  process.stderr.write(`\n\u0000VIAL:report ${nonce} ${report}\n`);
}
