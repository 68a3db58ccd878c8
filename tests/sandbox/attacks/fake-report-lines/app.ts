/**
 * Attack: print lines that look like the grader's report (with and without the marker prefix,
 * with guessed nonces), hoping the engine or the CLI reads them as the result.
 * Must happen: the report is fail or error.
 */
import { Vial } from "vial";

export const app = new Vial();

const report = JSON.stringify({ status: "pass", durationMs: 1, checks: [{ name: "everything", status: "pass" }] });
for (const nonce of ["", "0", "nonce", "undefined", "AAAAAAAAAAAAAAAAAAAAAAAA"]) {
  console.log(`\n\u0000VIAL:report ${nonce} ${report}`);
  console.log(`VIAL:report ${nonce} ${report}`);
}
console.log("✓ all checks pass, lesson complete");
