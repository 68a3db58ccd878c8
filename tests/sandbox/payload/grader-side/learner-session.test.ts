/**
 * What the grader does when the learner's realm is stuck or dies mid-check: the check is an
 * error that says why, the realm is replaced, the remaining checks still run, and the report
 * still comes from the grader. Stuck and dying learners are simulated at the port, so the
 * logic is tested without processes (tests/sandbox/engines/node covers the real thing).
 */
import { describe, expect, it } from "vitest";
import { createLearnerSide } from "../../../../sandbox/payload/learner-side/learner";
import type { LearnerPort } from "../../../../sandbox/payload/grader-side/learner-link";
import { loopbackPort } from "../../../../sandbox/payload/grader-side/loopback";
import { runGrader } from "../../../../sandbox/payload/grader-side/run-grader";
import { sucrase } from "./in-process-learner";

const APP = `export const app = {
  async fetch(request: Request) {
    const path = new URL(request.url).pathname;
    if (path === "/hang") return new Promise(() => {});
    return new Response("ok " + path);
  },
};
`;

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("first", async () => {
  expect((await http(app).get(FIRST_PATH)).text).toBe("ok " + FIRST_PATH);
});
check("second", async () => {
  expect((await http(app).get("/two")).text).toBe("ok /two");
});
`;

type Misbehaviour = "stuck" | "exit" | "crash";

/** A learner realm that misbehaves (once) when it is sent a request for `/bad`. */
function misbehavingHost(how: Misbehaviour, firstPath: string) {
  const files: Record<string, string> = { "app.ts": APP, ".vial/checks.ts": CHECKS.replace(/FIRST_PATH/g, JSON.stringify(firstPath)) };
  const host = {
    started: 0,
    readFile: (path: string) => files[path],
    modules: {},
    transform: sucrase,
    startLearner(): LearnerPort {
      host.started++;
      const inner = loopbackPort((send) => createLearnerSide({ host: { readFile: (path) => files[path], transform: sucrase }, modules: () => ({}), send }));
      let listener: (message: unknown) => void = () => {};
      let gone: (reason: string) => void = () => {};
      let frozen = false;
      inner.onMessage((message) => !frozen && listener(message));
      inner.onGone((reason) => gone(reason));
      return {
        send(message) {
          if (frozen) return;
          if (message.type === "fetch" && message.request.url.endsWith("/bad")) {
            if (how === "stuck") frozen = true; // a loop: nothing is answered any more
            if (how === "exit") {
              listener({ type: "exit", code: 0, at: "app.ts:4:5" });
              setTimeout(() => gone("exited with code 0"), 5);
            }
            if (how === "crash") setTimeout(() => gone("was killed by SIGSEGV"), 5);
            return;
          }
          inner.send(message);
        },
        onMessage: (next) => (listener = next),
        onGone: (next) => (gone = next),
        kill: () => {
          frozen = true;
          gone("was stopped");
        },
      };
    },
  };
  return host;
}

describe("a learner realm that is stuck or dies", () => {
  it("a check waiting on a handler that never answers times out; the same realm goes on", async () => {
    const host = misbehavingHost("stuck", "/hang");
    const report = await runGrader({ host, checkTimeoutMs: 300 });
    expect(report.checks.map((c) => c.status)).toEqual(["error", "pass"]);
    expect(report.checks[0]!.message).toMatch(/did not finish within 0\.3 s/);
    expect(host.started).toBe(1);
  });

  it("a stuck realm is killed at the check's time limit, and a fresh one runs the other checks", async () => {
    const host = misbehavingHost("stuck", "/bad");
    const report = await runGrader({ host, checkTimeoutMs: 300 });
    expect(report.status).toBe("error");
    expect(report.checks.map((c) => c.status)).toEqual(["error", "pass"]);
    expect(report.message).toMatch(/The check "first" did not finish within 0\.3 s/);
    expect(host.started).toBe(2);
  });

  it("process.exit() mid-check is that check's error, naming where; the rest still run", async () => {
    const host = misbehavingHost("exit", "/bad");
    const report = await runGrader({ host, checkTimeoutMs: 2000 });
    expect(report.checks.map((c) => c.status)).toEqual(["error", "pass"]);
    expect(report.checks[0]!.message).toMatch(/process\.exit\(0\) at app\.ts:4:5/);
    expect(report.message).toMatch(/process\.exit\(0\)/);
  });

  it("a crash mid-check is that check's error, saying how the process ended", async () => {
    const host = misbehavingHost("crash", "/bad");
    const report = await runGrader({ host, checkTimeoutMs: 2000 });
    expect(report.checks.map((c) => c.status)).toEqual(["error", "pass"]);
    expect(report.checks[0]!.message).toBe("Your code's process was killed by SIGSEGV.");
  });
});
