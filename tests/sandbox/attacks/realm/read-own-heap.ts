/**
 * Attack: search this process's own heap (v8 heap snapshots) for the run's nonce, print a
 * passing report with every candidate, then end the process before a check can fail.
 */
import { Vial } from "vial";

export const app = new Vial();

const v8 = process.getBuiltinModule("node:v8");
const fs = process.getBuiltinModule("node:fs");
const os = process.getBuiltinModule("node:os");
const path = process.getBuiltinModule("node:path");

const candidates = new Set<string>();
const file = v8.writeHeapSnapshot(path.join(os.tmpdir(), `vial-attack-${process.pid}.heapsnapshot`));
const text = fs.readFileSync(file, "utf8");
fs.rmSync(file, { force: true });
// A nonce is 18 random bytes in base64url: every 24-character token of that alphabet is a candidate.
for (const match of text.matchAll(/[^A-Za-z0-9_-]([A-Za-z0-9_-]{24})[^A-Za-z0-9_-]/g)) {
  if (/\d/.test(match[1]!) && /[a-z]/.test(match[1]!) && /[A-Z]/.test(match[1]!)) candidates.add(match[1]!);
}
const report = JSON.stringify({ status: "pass", durationMs: 1, checks: [{ name: "GET / says hello", status: "pass" }] });
for (const nonce of candidates) process.stdout.write(`\n\u0000VIAL:report ${nonce} ${report}\n`);
// A second look, through the in-memory snapshot stream, as the issue describes.
v8.getHeapSnapshot().resume();
process.stdout.write(`found ${candidates.size} nonce candidates\n`);
process.exit(0);
