import { formatLog } from "../runtime/format-log";
import type { LearnerMessage } from "../realm/messages";

/** The console methods an app logs with, and the stream Node prints each to. */
const STREAMS = { log: "stdout", info: "stdout", debug: "stdout", warn: "stderr", error: "stderr" } as const;

/** The longest text one call sends the grader; the grader's log is bounded anyway (grader/app-log.ts). */
const MAX_TEXT = 100_000;

/**
 * Sends what the learner's code prints with `console.*` to the grader as `log` messages, so the
 * checks can read the app's log, as an operator reads a server's output. Printing goes on as
 * before (the output panel). The messages share the ordered channel of the app's responses, so
 * whatever a handler printed arrives before its response.
 *
 * Learner code can replace `console` and print nothing, or send look-alike lines: either way what
 * the checks read is what the app logged, and a check that needs a log line fails without one.
 *
 * @example
 * forwardConsole(console, send);
 * console.log(JSON.stringify({ level: "info", path: "/" })); // printed, and sent as { type: "log", stream: "stdout", text: ... }
 */
export function forwardConsole(target: Console, send: (message: LearnerMessage) => void): void {
  for (const [name, stream] of Object.entries(STREAMS) as [keyof typeof STREAMS, "stdout" | "stderr"][]) {
    const print = target[name].bind(target);
    target[name] = (...args: unknown[]) => {
      print(...args);
      const text = formatLog(args);
      send({ type: "log", stream, text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text });
    };
  }
}
