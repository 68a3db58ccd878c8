/**
 * Attack: print a passing report, then end the process with exit code 0 before any check can
 * fail, once at load time... or, if loading is watched, from the first request.
 */
import { Vial } from "vial";

export const app = new Vial();

const report = JSON.stringify({ status: "pass", durationMs: 1, checks: [{ name: "GET / says hello", status: "pass" }] });
process.stdout.write(`\n\u0000VIAL:report forged ${report}\n`);
app.get("/", () => {
  process.stdout.write(`\n\u0000VIAL:report forged ${report}\n`);
  process.exit(0);
});
setTimeout(() => process.exit(0), 0);
