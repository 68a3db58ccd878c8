/**
 * How to start a confined `node` for learner code: the argv prefix (wrappers, then node and its
 * flags) that a caller appends its script to. What this machine allows is probed once and cached.
 *
 * Layers, outermost first (each execs or forks in place, so the caller's process group holds them all):
 * - `unshare --net --pid --fork --kill-child` (as root) or with `--user --map-root-user` (as a
 *   user): a fresh network namespace, so not even loopback reaches the host, and a PID
 *   namespace whose init is node, so every descendant dies when node does (the kernel kills the
 *   namespace), even ones that called setsid.
 * - `prlimit --data=<bytes>` (or `ulimit -d` in sh): RLIMIT_DATA caps the writable memory of the
 *   whole process (V8 heap, Buffers, ArrayBuffers, wasm), not only the heap. RLIMIT_AS would not
 *   do: node reserves far more address space than it uses.
 * - `setpriv` to nobody when the engine runs as root: a hole in the permission model then still
 *   meets the OS's file permissions, and root-owned unix sockets refuse the connection.
 * - node's permission model: reads of the run folder (and `readDirs`) only, writes of
 *   `writeDirs` only (none by default), no child processes, workers, addons, inspector or WASI.
 */
import { spawnSync } from "node:child_process";

export interface ConfineOptions {
  /** The run's folder: node's working directory, readable by learner code. */
  runDir: string;
  /** Other folders learner code may read (the payload, when it is not inside runDir). */
  readDirs?: string[];
  /**
   * Folders learner code may write. None by default: lesson code imports no `node:` modules,
   * and the run folder holds the payload and checks that the next run loads, so a learner who
   * could write it could change what grades them.
   */
  writeDirs?: string[];
  /** Most memory the whole process may use, in MB (heap and off-heap together). */
  memoryMb: number;
  /**
   * "none" (default): no network at all. "host": the host's network (a preview server must be
   * reachable from the browser); the other layers stay.
   */
  network?: "none" | "host";
}

export interface Confinement {
  /** The argv prefix: wrappers, then node and its flags; append the script and its arguments. */
  command: string[];
  /** True when the run has no network (a namespace of its own). */
  networkIsolated: boolean;
  /** One line per protection this machine could not give, for the CLI to print once. */
  notes: string[];
}

/** The unprivileged user a root engine runs learner code as (nobody on Debian and most Linux). */
export const CONFINED_UID = 65534;

/**
 * Room for node itself above the learner's share: node's own writable memory is about 50 MB
 * (bundles, code space, thread stacks), measured with `/proc/self/status` VmData.
 */
export const NODE_OVERHEAD_MB = 64;

/** What this machine allows, probed once per process. */
interface Abilities {
  /** unshare flags that work here, with and without a network namespace. */
  namespaces: { none?: string[]; host?: string[] };
  limitData: "prlimit" | "sh" | undefined;
  dropToNobody: boolean;
}

let probed: Abilities | undefined;

function works(command: string[]): boolean {
  const result = spawnSync(command[0]!, [...command.slice(1), "true"], { stdio: "ignore", timeout: 5000 });
  return result.status === 0;
}

function firstWorking(candidates: string[][]): string[] | undefined {
  return candidates.find((candidate) => works(candidate));
}

function probe(): Abilities {
  if (probed) return probed;
  if (process.platform !== "linux") return (probed = { namespaces: {}, limitData: undefined, dropToNobody: false });
  const pid = ["--pid", "--fork", "--kill-child"];
  const asRoot = process.getuid?.() === 0;
  probed = {
    namespaces: {
      none: firstWorking([["unshare", "--net", ...pid], ["unshare", "--user", "--map-root-user", "--net", ...pid]]),
      host: firstWorking([["unshare", ...pid], ["unshare", "--user", "--map-root-user", ...pid]]),
    },
    limitData: works(["prlimit", "--data=1000000000", "--"]) ? "prlimit" : works(["sh", "-c", 'ulimit -d 1000000 && exec "$0"']) ? "sh" : undefined,
    dropToNobody: asRoot && works(dropPrivileges()),
  };
  return probed;
}

function dropPrivileges(): string[] {
  return ["setpriv", `--reuid=${CONFINED_UID}`, `--regid=${CONFINED_UID}`, "--clear-groups", "--no-new-privs", "--"];
}

function limitData(how: Abilities["limitData"], megabytes: number): string[] {
  if (how === "prlimit") return ["prlimit", `--data=${megabytes * 1024 * 1024}`, "--"];
  if (how === "sh") return ["sh", "-c", `ulimit -d ${megabytes * 1024} && exec "$0" "$@"`];
  return [];
}

function pathList(paths: string[]): string {
  for (const path of paths) {
    if (path.includes(",")) throw new Error(`A confined run cannot name a path with a comma: ${path}`);
  }
  return paths.join(",");
}

/**
 * The argv prefix for a confined `node` running learner code in `runDir`. The caller spawns it
 * with `cwd: runDir` in a process group of its own and kills the group to stop the run.
 *
 * @example
 * const { command, networkIsolated, notes } = confineNode({ runDir: dir, memoryMb: 256 });
 * spawn(command[0]!, [...command.slice(1), ".vial/node-host.mjs"], { cwd: dir, detached: true });
 */
export function confineNode(options: ConfineOptions): Confinement {
  const abilities = probe();
  const network = options.network ?? "none";
  const namespaces = abilities.namespaces[network];
  const notes: string[] = [];
  if (network === "none" && !namespaces) {
    notes.push("Learner code can reach the network: this machine does not let the sandbox create a network namespace (unshare --net).");
  }
  if (!namespaces) notes.push("Processes that learner code leaves behind are killed by process group only: no PID namespace here.");
  if (!abilities.limitData) notes.push(`Memory is capped for the V8 heap only (${options.memoryMb} MB): Buffers and ArrayBuffers are not limited on this platform.`);

  const reads = [options.runDir, ...(options.readDirs ?? [])];
  const writes = options.writeDirs ?? [];
  const node = [
    process.execPath,
    "--experimental-permission",
    "--disable-warning=ExperimentalWarning",
    `--allow-fs-read=${pathList(reads)}`,
    ...(writes.length ? [`--allow-fs-write=${pathList(writes)}`] : []),
    `--max-old-space-size=${options.memoryMb}`,
  ];
  return {
    command: [
      ...(namespaces ?? []),
      ...limitData(abilities.limitData, options.memoryMb + NODE_OVERHEAD_MB),
      ...(abilities.dropToNobody ? dropPrivileges() : []),
      ...node,
    ],
    networkIsolated: network === "none" && namespaces !== undefined,
    notes,
  };
}

/**
 * What this machine cannot confine, one line each (empty when everything holds): for a command
 * line to print once before it runs learner code.
 *
 * @example
 * for (const note of confinementNotes()) console.warn(note);
 */
export function confinementNotes(): string[] {
  return confineNode({ runDir: process.cwd(), memoryMb: 256 }).notes;
}
