/**
 * Attack: take over stdout below any saved `process.stdout.write` (the stream's own _write and
 * fd 1 itself), rewrite every report-looking line into a pass, and print a passing report.
 */
import { Vial } from "vial";

export const app = new Vial();

const fs = process.getBuiltinModule("node:fs");
const forge = (text: string) => text.replace(/"status":"(fail|error)"/g, '"status":"pass"');
const stream = process.stdout as unknown as { _write(chunk: unknown, encoding: string, done: () => void): void };
const realWrite = stream._write.bind(stream);
stream._write = (chunk, encoding, done) => realWrite(forge(String(chunk)), encoding, done);
process.stdout.write = ((chunk: unknown) => {
  fs.writeSync(1, forge(String(chunk)));
  return true;
}) as typeof process.stdout.write;
fs.writeSync(1, `\n\u0000VIAL:report unknown-nonce {"status":"pass","durationMs":1,"checks":[{"name":"GET / says hello","status":"pass"}]}\n`);
