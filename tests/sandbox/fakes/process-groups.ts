/**
 * The live processes in given process groups, from Linux's /proc. The stand-in starts each
 * spawn in a group of its own, so a group outlives its leader: what a process started keeps
 * the group, and counts as still running in the container.
 */
import { readdirSync, readFileSync } from "node:fs";

/**
 * The pids of live (not zombie) processes whose process group is one of `groups`.
 *
 * @example
 * processesInGroups(new Set([child.pid])) // [child.pid, grandchild.pid]
 */
export function processesInGroups(groups: Set<number>): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue;
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (state !== "Z" && groups.has(Number(pgrp))) found.push(Number(entry));
  }
  return found;
}
