/**
 * Attack: start `sleep 60` detached, in a session of its own, holding the run's stdout and
 * stderr (stdio: "inherit"), so the engine waits for the pipes to close and `learn check` hangs
 * past its limit. Prints "LEAKED:" when the spawn worked.
 * Must happen: the spawn is refused, the run ends within its limit, no process is left.
 */
import { Vial } from "vial";

export const app = new Vial();

const childProcess = typeof process !== "undefined" ? process.getBuiltinModule?.("child_process") : undefined;
try {
  const child = childProcess?.spawn("sleep", ["60"], { detached: true, stdio: "inherit" });
  child?.on("error", () => {});
  child?.unref();
  if (child?.pid) console.log(`LEAKED: started ${child.pid}`);
} catch {
  // Refused.
}
