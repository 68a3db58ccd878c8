import type { GraderMessage, LearnerMessage } from "../realm/messages";
import type { LearnerPort } from "./learner-link";

/**
 * A {@link LearnerPort} to a learner side in the same realm, for tests and for warming up a
 * host's code paths with a fixed lesson. It is NOT a realm boundary: messages are cloned and
 * delivered on a later turn, as a pipe or MessagePort would, but the learner shares this realm.
 *
 * @example
 * const port = loopbackPort((send) => createLearnerSide({ host, modules: () => ({ vial }), send }));
 */
export function loopbackPort(makeLearner: (send: (message: LearnerMessage) => void) => { receive(message: GraderMessage): void }): LearnerPort {
  let listener: (message: unknown) => void = () => {};
  const goneListeners: ((reason: string) => void)[] = [];
  let alive = true;
  const deliver = (message: LearnerMessage) => {
    const copy = structuredClone(message);
    setTimeout(() => alive && listener(copy), 0);
  };
  const learner = makeLearner(deliver);
  setTimeout(() => alive && listener({ type: "ready" }), 0);
  return {
    send(message) {
      const copy = structuredClone(message);
      setTimeout(() => alive && learner.receive(copy), 0);
    },
    onMessage(next) {
      listener = next;
    },
    onGone(next) {
      goneListeners.push(next);
    },
    kill() {
      if (!alive) return;
      alive = false;
      for (const gone of goneListeners) gone("was stopped");
    },
  };
}
