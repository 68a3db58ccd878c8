/**
 * `appProcess` over the realm split, with learner realms in this process (loopback): a signal
 * goes to the port's own `signal()` when the host has OS signals, and as a "signal" message to
 * be emulated when it has not; either way the learner's listener runs while a request is in
 * flight, its exit is the check's to judge (not a crash in the report), and the next check gets
 * a fresh realm. The node engine's real signal: tests/sandbox/engines/node/app-process.test.ts.
 */
import { describe, expect, it } from "vitest";
import { createLearnerSide } from "../../../../sandbox/payload/learner-side/learner";
import type { LearnerPort } from "../../../../sandbox/payload/grader-side/learner-link";
import { loopbackPort } from "../../../../sandbox/payload/grader-side/loopback";
import { runGrader } from "../../../../sandbox/payload/grader-side/run-grader";
import type { AppSignal, GraderMessage } from "../../../../sandbox/payload/realm/messages";
import { sucrase } from "./in-process-learner";

const APP = `import { proc } from "proc";
let inFlight = 0;
export const app = {
  async fetch(request: Request) {
    if (new URL(request.url).pathname === "/slow") {
      inFlight++;
      await new Promise((resolve) => setTimeout(resolve, 100));
      inFlight--;
      return new Response("slow done");
    }
    return new Response("ok");
  },
};
export function listen() {
  proc.on("SIGTERM", () => {
    const wait = setInterval(() => {
      if (inFlight > 0) return;
      clearInterval(wait);
      proc.exit(0);
    }, 5);
  });
}
`;

const CHECKS = `import { appProcess, check, expect, http } from "grader";
import { app, listen } from "./app";
check("SIGTERM with a request in flight", async () => {
  await listen();
  const slow = http(app).get("/slow");
  await http(app).get("/fast");
  const { delivered } = await appProcess.signal("SIGTERM");
  expect(delivered, "delivered").toBe(DELIVERED);
  expect((await slow).text, "the request in flight").toBe("slow done");
  expect(await appProcess.exited(2000), "how it ended").toEqual({ code: 0, signal: null });
});
check("a fresh realm", async () => {
  expect((await http(app).get("/again")).text, "answer").toBe("ok");
  expect(await appProcess.exited(0), "still running").toBeUndefined();
});
check("no listener: 143", async () => {
  await appProcess.signal("SIGTERM");
  expect(await appProcess.exited(2000), "how it ended").toEqual({ code: 143, signal: null });
});
check("only SIGTERM and SIGINT", async () => {
  let refused = "";
  try {
    await appProcess.signal("SIGKILL" as never);
  } catch (error) {
    refused = String(error);
  }
  expect(refused, "what signal('SIGKILL') threw").toMatch(/TypeError: appProcess.signal\\(\\) sends SIGTERM or SIGINT/);
});
`;

/** Learner realms in this process, each with a `proc` module standing in for node's process. */
function host(osSignals: boolean) {
  const files: Record<string, string> = { "app.ts": APP, ".vial/checks.ts": CHECKS.replace("DELIVERED", JSON.stringify(osSignals ? "os" : "emulated")) };
  const sent: GraderMessage[] = [];
  const signalled: AppSignal[] = [];
  return {
    sent, signalled, started: 0,
    readFile: (path: string) => files[path],
    modules: {},
    transform: sucrase,
    startLearner(): LearnerPort {
      this.started++;
      const listeners: ((signal: string) => void)[] = [];
      let deliver: (signal: AppSignal) => void = () => {};
      const port = loopbackPort((send) => {
        deliver = (signal) => {
          if (listeners.length === 0) send({ type: "exit", code: 143 });
          for (const listener of listeners) listener(signal);
        };
        const proc = { on: (_: string, listener: (signal: string) => void) => listeners.push(listener), exit: (code: number) => send({ type: "exit", code }) };
        return createLearnerSide({ host: { readFile: (path) => files[path], transform: sucrase }, modules: () => ({ proc: { proc } }), send, signal: (signal) => deliver(signal) });
      });
      return {
        ...port,
        send: (message) => {
          sent.push(message);
          port.send(message);
        },
        // A host with OS signals: the signal goes to this port's process, never as a message.
        ...(osSignals ? { signal: (signal: AppSignal) => (signalled.push(signal), setTimeout(() => deliver(signal), 0)) } : {}),
      };
    },
  };
}

describe("appProcess over the realm split", () => {
  for (const osSignals of [false, true]) {
    it(`${osSignals ? "sends the port's own signal" : "asks the learner realm to emulate the signal"}; the exit is the check's, the next check gets a fresh realm`, async () => {
      const learners = host(osSignals);
      const report = await runGrader({ host: learners, checkTimeoutMs: 3000 });
      expect(report.checks.map((check) => [check.name, check.status, check.message])).toEqual([
        ["SIGTERM with a request in flight", "pass", undefined],
        ["a fresh realm", "pass", undefined],
        ["no listener: 143", "pass", undefined],
        ["only SIGTERM and SIGINT", "pass", undefined],
      ]);
      expect(report.message).toBeUndefined();
      expect(learners.sent.filter((message) => message.type === "signal").length).toBe(osSignals ? 0 : 2);
      expect(learners.signalled).toEqual(osSignals ? ["SIGTERM", "SIGTERM"] : []);
    });
  }

  it("a learner realm cannot send a signal message of its own, nor a signalled answer that means anything", async () => {
    const { parseLearnerMessage } = await import("../../../../sandbox/payload/realm/validate");
    expect(parseLearnerMessage({ type: "signal", id: 1, signal: "SIGKILL" })).toBeUndefined();
    expect(parseLearnerMessage({ type: "signalled", id: 1, pid: 1 })).toEqual({ type: "signalled", id: 1 });
    expect(parseLearnerMessage({ type: "kill", pid: 1 })).toBeUndefined();
  });
});
