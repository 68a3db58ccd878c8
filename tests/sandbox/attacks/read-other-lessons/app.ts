/**
 * Attack: read the lessons' solutions from the repository (found as the working folder of a
 * parent process, or a guessed path) to copy the answer. Prints "LEAKED:" with what it read.
 * Must happen: every read is refused; the report is fail or error.
 */
import { Vial } from "vial";

export const app = new Vial();

const fs = typeof process !== "undefined" ? process.getBuiltinModule?.("fs") : undefined;
const roots = new Set<string>(["/work/main", "/work", "/home", "/srv"]);
try {
  roots.add(fs!.readlinkSync(`/proc/${process.ppid}/cwd`));
} catch {
  // No parent to look at.
}
for (const root of roots) {
  try {
    for (const chapter of fs!.readdirSync(`${root}/lessons`)) {
      for (const lesson of fs!.readdirSync(`${root}/lessons/${chapter}`)) {
        const solution = fs!.readFileSync(`${root}/lessons/${chapter}/${lesson}/solution/app.ts`, "utf8");
        console.log(`LEAKED: ${chapter}/${lesson}: ${solution.length} bytes of solution`);
      }
    }
  } catch {
    // Refused, or not there.
  }
}
