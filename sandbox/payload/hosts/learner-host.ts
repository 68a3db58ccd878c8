/**
 * The learner realm under node (bundled to `.vial/learner-host.mjs`): a process started by the
 * grader host, which loads the learner's files and answers the grader over fd 3 (JSON lines).
 * Its stdout and stderr are only the learner's output: the grader host forwards them to the
 * output panel and never reads reports or anything else from them.
 *
 * Nothing here is secret and nothing decides the grade: learner code may patch, print or write
 * to fd 3 whatever it likes; the grader validates every message and keeps its own time.
 */
import { Socket } from "node:net";
import type * as LearnerRuntime from "../learner-side/index";
import type { GraderMessage, LearnerMessage } from "../realm/messages";
import { createLineReader, encodeLine } from "../realm/wire";
import type { Transform } from "../runtime/module-loader";
import { learnerFilesImport, loadBundle, readPayloadFile } from "./payload-files";
import { learnerFrame } from "./learner-frame";
import { warmUpLearnerSide } from "./warm-up";
import { emulatedSignals, installDefaultSignalActions } from "./learner-signals";
import { vialModules, type VialBundle } from "../vial-modules";

// stdout and stderr are socket pairs (node's "pipe"): make writes blocking, as a terminal's are,
// so a loop that prints without end fills them and waits, instead of queueing in memory
// for an event loop that never turns (the grader's output limit then stops it).
for (const stream of [process.stdout, process.stderr]) (stream as unknown as { _handle?: { setBlocking?(on: boolean): void } })._handle?.setBlocking?.(true);

/** The channel to the grader: fd 3, a socket pair the grader host made when it spawned us. */
const channel = new Socket({ fd: 3, readable: true, writable: true });
const send = (message: LearnerMessage, then?: () => void) => channel.write(encodeLine(message), then && (() => then()));
const exit = process.exit.bind(process);
// The grader gone means the run is over.
channel.on("close", () => exit(0));
channel.on("error", () => exit(0));

/** Thrown by process.exit() to stop the learner's code where it stands, as a real exit would. */
class ProcessExit extends Error {}

// process.exit() is announced first, so the grader can say where it was called.
process.exit = ((code?: number | string | null) => {
  const at = learnerFrame(new Error().stack);
  send({ type: "exit", code: Number(code ?? 0) || 0, ...(at ? { at } : {}) }, () => exit(code ?? 0));
  // Stop the learner's code right here, as a real exit would, while the message drains.
  throw new ProcessExit("process.exit() was called");
}) as typeof process.exit;
// Stray async errors in learner code go to the output panel instead of ending the run; the
// throw that stops code after process.exit() (a shutdown's `.then(() => process.exit(0))`) is not one.
process.on("uncaughtException", (error) => void (error instanceof ProcessExit || console.error("Uncaught error:", error)));
process.on("unhandledRejection", (error) => void (error instanceof ProcessExit || console.error("Unhandled promise rejection:", error)));
// SIGTERM and SIGINT end the process unless learner code listens for them, as in any node.
const endBySignal = (code: number) => void send({ type: "exit", code }, () => exit(code));
installDefaultSignalActions(process, endBySignal);
// Where the grader has no OS signal to send (a WebContainer), it asks for one to be emulated.
const deliverSignal = emulatedSignals(process, endBySignal);

async function main(): Promise<void> {
  const [runtime, sucrase, vial] = (await Promise.all([loadBundle("learner-runtime.mjs"), loadBundle("sucrase.mjs"), loadBundle("vial-node.mjs")])) as [typeof LearnerRuntime, { transform: Transform }, VialBundle];
  let zod: Promise<unknown> | undefined;
  const learner = runtime.createLearnerSide({
    host: { readFile: (path) => (path.startsWith(".vial/") ? undefined : readPayloadFile(path)), transform: sucrase.transform },
    modules: async () => {
      if (learnerFilesImport("zod")) zod ??= loadBundle("zod.mjs");
      return { ...vialModules(vial), ...(zod ? { zod: await zod } : {}) };
    },
    send: (message) => send(message),
    console,
    // Asked for only where the grader has no OS signal to send (a WebContainer).
    signal: deliverSignal,
  });
  const lines = createLineReader((message) => learner.receive(message as GraderMessage), () => {});
  channel.setEncoding("utf8").on("data", (chunk: string) => lines.push(chunk));
  send({ type: "ready" });
  // A spare warms up after saying so: a load that arrives meanwhile interleaves, it does not wait.
  if (process.argv.includes("--warm")) await warmUpLearnerSide(runtime, sucrase.transform, vial.core).catch(() => {});
}

main().catch((error: unknown) => {
  console.error("The sandbox could not start your code:", error);
  exit(70);
});
