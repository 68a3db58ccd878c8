/**
 * Attack: start `sleep 60` detached with stdio: "ignore", so it does not hold the pipes and
 * simply outlives the run. Prints "LEAKED:" when the spawn worked.
 * Must happen: the spawn is refused, or the process dies with the run; none is left.
 */
import { Vial } from "vial";

export const app = new Vial();

const childProcess = typeof process !== "undefined" ? process.getBuiltinModule?.("child_process") : undefined;
try {
  const child = childProcess?.spawn("sleep", ["60"], { detached: true, stdio: "ignore" });
  child?.on("error", () => {});
  child?.unref();
  if (child?.pid) console.log(`LEAKED: started ${child.pid}`);
} catch {
  // Refused.
}
