import { afterEach, describe, expect, it } from "vitest";
import { learnerPorts } from "../../../sandbox/engines/worker/host/learner-ports";
import type { HostMessage } from "../../../sandbox/engines/worker/protocol";
import { parseLearnerMessage } from "../../../sandbox/payload/realm/validate";

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

/** The grader's side, with what it posted to the page; `learnerEnd()` is the end the page would pass on. */
function graderSide() {
  const posted: HostMessage[] = [];
  const learners = learnerPorts((message) => posted.push(message), parseLearnerMessage);
  const learnerEnd = (index = 0) => {
    const message = posted.filter((m) => m.type === "learner-start")[index];
    if (message?.type !== "learner-start") throw new Error("no learner was started");
    opened.push(message.port);
    return message.port;
  };
  return { posted, learners, learnerEnd };
}

const next = (port: { onMessage(listener: (message: unknown) => void): void }) => new Promise<unknown>((resolve) => port.onMessage(resolve));

describe("learnerPorts", () => {
  it("hands the page the learner's end of a new channel and carries messages both ways", async () => {
    const { posted, learners, learnerEnd } = graderSide();
    const port = learners.start();
    expect(posted).toMatchObject([{ type: "learner-start", learner: 1 }]);
    const learner = learnerEnd();
    const received = new Promise((resolve) => (learner.onmessage = (event) => resolve(event.data)));
    port.send({ type: "ping", id: 1 });
    expect(await received).toEqual({ type: "ping", id: 1 });
    learner.postMessage({ type: "pong", id: 1 });
    expect(await next(port)).toEqual({ type: "pong", id: 1 });
    port.kill();
  });

  it("keeps what the learner says before the grader listens", async () => {
    const { learners, learnerEnd } = graderSide();
    const port = learners.start();
    learnerEnd().postMessage({ type: "ready" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await next(port)).toEqual({ type: "ready" });
    port.kill();
  });

  it("treats a learner's exit message as the realm ending, and asks the page to end its worker", async () => {
    const { posted, learners, learnerEnd } = graderSide();
    const port = learners.start();
    const gone = new Promise<string>((resolve) => port.onGone(resolve));
    port.onMessage(() => {});
    learnerEnd().postMessage({ type: "exit", code: 3, at: "app.ts:2:1" });
    expect(await gone).toBe("exited with code 3");
    expect(posted).toContainEqual({ type: "learner-kill", learner: 1 });
  });

  it("reports a learner the page says is gone, once, and ignores it afterwards", async () => {
    const { learners } = graderSide();
    const port = learners.start();
    const reasons: string[] = [];
    port.onGone((reason) => reasons.push(reason));
    learners.gone(1, "stopped: Out of memory");
    learners.gone(1, "stopped again");
    expect(reasons).toEqual(["stopped: Out of memory"]);
  });

  it("kill() and killAll() ask the page to end the workers", () => {
    const { posted, learners } = graderSide();
    learners.start().kill();
    learners.start();
    learners.killAll();
    expect(posted.filter((m) => m.type === "learner-kill")).toEqual([{ type: "learner-kill", learner: 1 }, { type: "learner-kill", learner: 2 }]);
  });
});
