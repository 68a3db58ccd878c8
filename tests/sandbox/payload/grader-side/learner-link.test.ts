import { describe, expect, it } from "vitest";
import { LearnerLink, type LearnerPort } from "../../../../sandbox/payload/grader-side/learner-link";
import type { GraderMessage } from "../../../../sandbox/payload/realm/messages";

/** A port whose learner side is this test: it records what the grader sends and delivers what we say. */
function fakePort() {
  const sent: GraderMessage[] = [];
  let deliver: (message: unknown) => void = () => {};
  const port: LearnerPort = {
    send: (message) => void sent.push(message),
    onMessage: (listener) => void (deliver = listener),
    onGone: () => {},
    kill: () => {},
  };
  return { port, sent, deliver: (message: unknown) => deliver(message) };
}

describe("LearnerLink: messages that fail validation", () => {
  it("answers a statement too large to pass with an sql-error naming the limit, instead of leaving the query waiting", () => {
    const { port, sent, deliver } = fakePort();
    const link = new LearnerLink(port, { sql: () => Promise.reject(new Error("never asked")) });
    deliver({ type: "sql", sqlId: 7, sql: "INSERT INTO files (data) VALUES ($1)", params: [{ kind: "primitive", value: "x".repeat(1_000_001) }] });
    expect(link.badMessages).toBe(1);
    expect(sent).toEqual([{ type: "sql-error", sqlId: 7, error: { message: expect.stringMatching(/refused this statement.*1,000,000 characters/) } }]);
  });

  it("fails the pending request an oversized answer was meant for, saying why, instead of waiting for the check's time limit", async () => {
    const { port, sent, deliver } = fakePort();
    const link = new LearnerLink(port);
    const answer = link.request({ type: "ping" } as never);
    const id = (sent[0] as { id: number }).id;
    deliver({ type: "returned", id, value: { kind: "primitive", value: "x".repeat(1_000_001) } });
    await expect(answer).rejects.toThrow(/could not be passed to the checks.*too large/);
  });

  it("ignores a malformed message that names nothing pending, a getter, or a non-integer id", async () => {
    const { port, sent, deliver } = fakePort();
    const link = new LearnerLink(port);
    const answer = link.request({ type: "ping" } as never);
    const id = (sent[0] as { id: number }).id;
    deliver({ type: "returned", id: id + 100, value: { kind: "nope" } });
    deliver({ type: "returned", id: 1.5, value: { kind: "nope" } });
    deliver({ type: "returned", sqlId: -1 });
    deliver(Object.defineProperty({ type: "returned" }, "id", { get: () => { throw new Error("boom"); }, enumerable: true }));
    expect(link.badMessages).toBe(4);
    expect(sent).toHaveLength(1);
    deliver({ type: "pong", id });
    await expect(answer).resolves.toEqual({ type: "pong", id });
  });
});
