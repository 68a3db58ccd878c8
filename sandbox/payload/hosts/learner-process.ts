/**
 * Starts the learner host as a child process of the grader host and gives the grader a
 * LearnerPort to it: messages as JSON lines over the child's fd 3 (a socket pair), the child's
 * stdout and stderr forwarded as the learner's output and never parsed. Works wherever node's
 * child_process does (a Linux box, a WebContainer): no Linux-only calls here.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import type { LearnerPort, ProcessEnd } from "../grader-side/learner-link";
import { createLineReader, encodeLine } from "../realm/wire";
import { PAYLOAD_ROOT } from "./payload-files";

/** The learner host's entry, beside this one in `.vial/`. */
export const LEARNER_HOST = ".vial/learner-host.mjs";
/** How much of the learner's last output is kept to tell why it died (heap out of memory …). */
const TAIL = 4096;

export interface LearnerProcessOptions {
  /** The argv prefix that runs node for learner code, e.g. ["node", "--max-old-space-size=256"]. */
  command: string[];
  /** Its heap limit, for the message when it runs out (0: unknown). */
  memoryMb: number;
  /** Starts it ahead of time: it loads and warms its bundles, then waits for the grader. */
  warm?: boolean;
  /** Gives the port `signal()`: real OS signals to the learner's node (the node engine). */
  osSignals?: boolean;
  /** Where the learner's output goes (the grader host's own stdout and stderr). */
  stdout(chunk: Buffer): void;
  stderr(chunk: Buffer): void;
}

/** Only what node needs: the grader's settings (VIAL_HOST_CONFIG) never reach learner code. */
function learnerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.VIAL_HOST_CONFIG;
  return env;
}

function goneReason(code: number | null, signal: NodeJS.Signals | null, tail: string, memoryMb: number): string {
  if (/heap out of memory|Allocation failed/i.test(tail)) return `ran out of memory${memoryMb ? ` (the limit is ${memoryMb} MB)` : ""}. Is something growing without end, like an array filled in a loop?`;
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
}

/**
 * The pid of the learner's node: the process spawned, or under `unshare --fork` (the node
 * engine's confinement) the one process unshare forked, which then exec'd prlimit, setpriv and
 * node in place. unshare itself blocks SIGTERM and SIGINT while it waits and passes nothing on.
 * Found from /proc, from the spawned pid down: nothing the learner sends decides which process
 * is signalled.
 */
function learnerNodePid(child: ChildProcess, program: string): number | undefined {
  const pid = child.pid;
  if (pid === undefined || !/(^|\/)unshare$/.test(program)) return pid;
  try {
    const forked = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return forked.length === 1 ? Number(forked[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Spawns `<command…> .vial/learner-host.mjs` in the payload folder.
 *
 * @example
 * const port = startLearnerProcess({ command: [process.execPath], memoryMb: 256, stdout: (c) => process.stdout.write(c), stderr: (c) => process.stderr.write(c) });
 */
export function startLearnerProcess(options: LearnerProcessOptions): LearnerPort & { child: ChildProcess } {
  const [program, ...prefix] = options.command;
  if (!program) throw new Error("The learner command is empty.");
  const child = spawn(program, [...prefix, LEARNER_HOST, ...(options.warm ? ["--warm"] : [])], {
    cwd: PAYLOAD_ROOT, env: learnerEnv(), stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  const channel = child.stdio[3] as (Readable & Writable) | null;
  let tail = "";
  const keepTail = (chunk: Buffer) => (tail = (tail + chunk.toString("utf8")).slice(-TAIL));
  child.stdout?.on("data", (chunk: Buffer) => options.stdout(chunk));
  child.stderr?.on("data", (chunk: Buffer) => {
    keepTail(chunk);
    options.stderr(chunk);
  });

  // A spare says "ready" before the grader listens: messages wait until someone does.
  const queued: unknown[] = [];
  let listener: (message: unknown) => void = (message) => queued.push(message);
  const goneListeners: ((reason: string, ended?: ProcessEnd) => void)[] = [];
  let gone: string | undefined;
  let ended: ProcessEnd | undefined;
  const markGone = (reason: string, end?: ProcessEnd) => {
    if (gone !== undefined) return;
    gone = reason;
    ended = end;
    for (const notify of goneListeners) notify(reason, end);
  };
  const lines = createLineReader((message) => listener(message), () => {});
  channel?.setEncoding("utf8");
  channel?.on("data", (chunk: string) => lines.push(chunk));
  channel?.on("error", () => {});
  child.on("error", (error) => markGone(`could not start (${error.message})`));
  // "close" comes once its stderr is read (so an out-of-memory message is in the tail); a child
  // of the learner's that holds the pipes open must not delay it for long, hence the timer.
  child.on("close", (code, signal) => markGone(goneReason(code, signal, tail, options.memoryMb), { code, signal }));
  child.on("exit", (code, signal) => setTimeout(() => markGone(goneReason(code, signal, tail, options.memoryMb), { code, signal }), 100).unref());

  return {
    child,
    send(message) {
      if (gone === undefined) channel?.write(encodeLine(message));
    },
    onMessage(next) {
      listener = next;
      for (const message of queued.splice(0)) next(message);
    },
    onGone(next) {
      if (gone !== undefined) next(gone, ended);
      else goneListeners.push(next);
    },
    kill() {
      child.kill("SIGKILL");
    },
    ...(options.osSignals ? {
      signal(name) {
        if (gone !== undefined) return;
        const pid = learnerNodePid(child, program);
        if (pid === undefined) throw new Error("The sandbox could not find your code's process to signal.");
        process.kill(pid, name);
      },
    } satisfies Pick<LearnerPort, "signal"> : {}),
  };
}
