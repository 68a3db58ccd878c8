import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";

/** Live process groups, killed if the parent exits first (detached children would outlive it). */
const live = new Set<number>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const pid of live) killGroup(pid);
  });
}

/**
 * Kills a process group started by {@link spawnGroup}: the child and anything it started.
 * Safe to call twice or after the group ended.
 *
 * @example
 * killGroup(child.pid!);
 */
export function killGroup(pid: number): void {
  live.delete(pid);
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/** Only what `node` needs: the parent's variables (tokens, NODE_OPTIONS loaders) stay out. */
function cleanEnv(): Record<string, string> {
  const keep = ["PATH", "LANG", "LC_ALL", "TZ", "TMPDIR"];
  return Object.fromEntries(keep.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]!]])));
}

/**
 * Starts `node` with the given arguments as the leader of a new process group, so a timeout can
 * kill the whole group. Its environment is minimal and it is killed if the parent exits.
 *
 * @example
 * const child = spawnGroup(["--max-old-space-size=256", ".vial/node-host.mjs"], dir);
 */
export function spawnGroup(args: string[], cwd: string): ChildProcessWithoutNullStreams {
  installExitHook();
  const child = spawn(process.execPath, args, { cwd, detached: true, stdio: "pipe", env: cleanEnv() as NodeJS.ProcessEnv });
  if (child.pid !== undefined) {
    const pid = child.pid;
    live.add(pid);
    child.once("exit", () => live.delete(pid));
  }
  return child;
}
