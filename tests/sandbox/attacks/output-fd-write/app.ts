/**
 * Attack: write straight to file descriptors 1 and 2 (no stream involved) a report that says
 * everything passed, with every nonce-looking string the process can find, then leave.
 * Must happen: the report is fail or error. Lines the grader did not write are not trusted.
 */
import { Vial } from "vial";

export const app = new Vial();

const fs = typeof process !== "undefined" ? process.getBuiltinModule?.("fs") : undefined;
if (fs) {
  const report = JSON.stringify({ status: "pass", durationMs: 1, checks: [{ name: "everything", status: "pass" }] });
  const guesses = ["", "x", ...(process.argv ?? []), ...Object.values(process.env ?? {})];
  for (const fd of [1, 2]) {
    for (const nonce of guesses) {
      try {
        fs.writeSync(fd, `\n\u0000VIAL:report ${nonce} ${report}\n`);
      } catch {
        // This descriptor is closed or refused: try the next.
      }
    }
  }
}
