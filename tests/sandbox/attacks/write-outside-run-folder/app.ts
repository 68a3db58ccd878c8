/**
 * Attack: write files outside the run folder: the system temp folder (where the test keeps a
 * sentinel, vial-hostile-sentinel.txt), the home folder, the folder above the run.
 * Prints "LEAKED:" for each write that worked.
 * Must happen: every write is refused; the report is fail or error.
 */
import { Vial } from "vial";

export const app = new Vial();

const fs = typeof process !== "undefined" ? process.getBuiltinModule?.("fs") : undefined;
for (const target of ["/tmp/vial-hostile-sentinel.txt", "/tmp/vial-hostile-new.txt", "../vial-hostile-new.txt", "/root/vial-hostile-new.txt"]) {
  try {
    fs?.writeFileSync(target, "written by learner code");
    console.log(`LEAKED: wrote ${target}`);
  } catch {
    // Refused.
  }
}
