/**
 * The warm-up of a spare grader host: a fixed lesson of ours graded against a stand-in learner
 * that answers from this process, so that the real run finds the grader's code paths compiled:
 * the check runner, the learner session and proxies, `http()` with a body and cookies, `expect`,
 * and node's lazily loaded Request, Response and Headers. Without it the first check of every
 * run paid for them (about 80 ms on a busy machine). No learner side runs here (it would patch
 * this realm's Date.now); the stand-in only answers messages.
 */
import type * as GraderRuntime from "../grader-side/index";
import type { LearnerPort } from "../grader-side/learner-link";
import type { GraderMessage, LearnerMessage } from "../realm/messages";
import { CHECKS_PATH } from "../runtime/paths";
import type { Transform } from "../runtime/module-loader";

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("answers JSON", async () => {
  const client = http(app);
  const posted = await client.post("/warm", { json: { warm: true } });
  expect(posted.status).toBe(200);
  expect(posted.json()).toEqual({ warm: true });
  expect((await client.get("/warm")).text).toContain("warm");
});
`;

const APP_HANDLE = 1;

/** Answers like a learner whose app echoes each request's body as JSON and sets a cookie. */
function answer(message: GraderMessage): LearnerMessage | undefined {
  if (message.type === "load") {
    return { type: "loaded", id: message.id, modules: { "./app": { kind: "object", entries: [["app", { kind: "app", handle: APP_HANDLE }]] } } };
  }
  if (message.type === "fetch") {
    const body = message.request.body ?? new TextEncoder().encode(JSON.stringify({ warm: true }));
    const headers: [string, string][] = [["content-type", "application/json"], ["set-cookie", "session=1; Path=/; HttpOnly"]];
    return { type: "response", id: message.id, response: { status: 200, statusText: "OK", headers, body } };
  }
  if (message.type === "ping") return { type: "pong", id: message.id };
  return undefined;
}

function standInLearner(): LearnerPort {
  let listener: (message: unknown) => void = () => {};
  const later = (message: unknown) => setTimeout(() => listener(message), 0);
  later({ type: "ready" });
  return {
    send: (message) => later(answer(message)),
    onMessage: (next) => (listener = next),
    onGone: () => {},
    kill: () => (listener = () => {}),
  };
}

/**
 * Grades the fixed lesson once; resolves when done (never rejects: a failed warm-up only
 * leaves the real run as cold as it would have been).
 *
 * @example
 * await warmUpGraderSide(runtime, transform);
 */
export async function warmUpGraderSide(runtime: typeof GraderRuntime, transform: Transform): Promise<void> {
  await runtime.runGrader({
    host: { readFile: (path) => (path === CHECKS_PATH ? CHECKS : undefined), modules: {}, transform, startLearner: standInLearner },
    checkTimeoutMs: 2000,
  }).catch(() => {});
}
