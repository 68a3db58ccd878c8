/**
 * The grader worker's channels to learner realms. `start()` makes a MessageChannel, keeps the
 * grader's end here and hands the learner's end to the page, which attaches a learner worker
 * to it and keeps nothing. So the grader's end of each channel is only ever in this worker.
 */
import type { LearnerPort } from "../../../payload/grader-side/learner-link";
import type { GraderMessage } from "../../../payload/realm/messages";
import type { HostMessage } from "../protocol";

/** Validates a raw learner message (the runtime's parseLearnerMessage). */
type Parse = (raw: unknown) => { type: string; code?: number } | undefined;

/**
 * Makes the grader's `startLearner` and the handler for the page's `learner-gone` notices.
 *
 * @example
 * const learners = learnerPorts(post, runtime.parseLearnerMessage);
 * await runGrader({ host: { …, startLearner: learners.start } });
 */
export function learnerPorts(post: (message: HostMessage, transfer?: Transferable[]) => void, parse: Parse): {
  start(): LearnerPort;
  /** The page says a learner worker died (crashed, could not start): `reason` in words. */
  gone(learner: number, reason: string): void;
  /** Ends every learner this grader started. */
  killAll(): void;
} {
  const live = new Map<number, { markGone(reason: string): void; kill(): void }>();
  let nextId = 1;

  function start(): LearnerPort {
    const id = nextId++;
    const channel = new MessageChannel();
    const port = channel.port1;
    // Messages that come before the grader listens (the learner's "ready") wait for it.
    const queued: unknown[] = [];
    let listener: (message: unknown) => void = (message) => queued.push(message);
    const goneListeners: ((reason: string) => void)[] = [];
    let gone: string | undefined;
    const markGone = (reason: string) => {
      if (gone !== undefined) return;
      gone = reason;
      live.delete(id);
      port.close();
      for (const notify of goneListeners) notify(reason);
    };
    const kill = () => {
      if (gone === undefined) markGone("was stopped");
      post({ type: "learner-kill", learner: id });
    };
    port.onmessage = (event: MessageEvent) => {
      if (gone !== undefined) return;
      listener(event.data);
      // process.exit() ends a learner realm as it would end a process: after saying so.
      const message = parse(event.data);
      if (message?.type === "exit") {
        markGone(`exited with code ${message.code ?? 0}`);
        post({ type: "learner-kill", learner: id });
      }
    };
    live.set(id, { markGone, kill });
    post({ type: "learner-start", learner: id, port: channel.port2 }, [channel.port2]);
    return {
      send(message: GraderMessage) {
        if (gone === undefined) port.postMessage(message);
      },
      onMessage(next) {
        listener = next;
        for (const message of queued.splice(0)) next(message);
      },
      onGone(next) {
        if (gone !== undefined) next(gone);
        else goneListeners.push(next);
      },
      kill,
    };
  }

  return {
    start,
    gone: (learner, reason) => live.get(learner)?.markGone(reason),
    killAll: () => {
      for (const learner of [...live.values()]) learner.kill();
    },
  };
}
