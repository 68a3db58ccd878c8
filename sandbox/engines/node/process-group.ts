import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
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

/** Linux: the pids whose parent chain leads to `root` (not `root` itself), from /proc. */
function descendants(root: number): number[] {
  if (process.platform !== "linux") return [];
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Ended while we looked.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid !== parent || found.includes(pid)) continue;
      found.push(pid);
      queue.push(pid);
    }
  }
  return found;
}

function kill(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/**
 * Kills a process group started by {@link spawnGroup}: the child and anything it started, also
 * descendants that left the group (setsid, `detached: true`) while their parent still runs.
 * Safe to call twice or after the group ended. (The confined runs add a PID namespace, which
 * catches the orphans this cannot: see confine.ts.)
 *
 * @example
 * killGroup(child.pid!);
 */
export function killGroup(pid: number): void {
  live.delete(pid);
  for (const descendant of descendants(pid)) kill(descendant);
  kill(-pid);
}

/** Only what `node` needs: the parent's variables (tokens, NODE_OPTIONS loaders) stay out. */
function cleanEnv(): Record<string, string> {
  const keep = ["PATH", "LANG", "LC_ALL", "TZ", "TMPDIR"];
  return Object.fromEntries(keep.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]!]])));
}

/**
 * Starts a command (program, then arguments) as the leader of a new process group, so a timeout
 * can kill the whole group. Its environment is minimal and it is killed if the parent exits.
 *
 * @example
 * const child = spawnGroup([process.execPath, "--max-old-space-size=256", ".vial/grader-host.mjs"], dir);
 */
export function spawnGroup(command: string[], cwd: string): ChildProcessWithoutNullStreams {
  installExitHook();
  const [program, ...args] = command;
  if (program === undefined) throw new Error("spawnGroup needs a program to run.");
  const child = spawn(program, args, { cwd, detached: true, stdio: "pipe", env: cleanEnv() as NodeJS.ProcessEnv });
  if (child.pid !== undefined) {
    const pid = child.pid;
    live.add(pid);
    child.once("exit", () => live.delete(pid));
  }
  return child;
}
