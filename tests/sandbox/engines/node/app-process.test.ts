/**
 * `appProcess.signal()` in the node engine: the learner's process gets a real SIGTERM, sent by
 * the grader host to the process it started, and node calls the learner's listener from the
 * signal itself (no frame of the sandbox's own code on the stack, as an emulated one would
 * have). A process without a listener ends as node does (128 + 15). Learner code cannot use
 * the channel to have anything else signalled, nor forge a clean exit.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node/index";

/** A server's shutdown, as the lesson teaches it: a request in flight finishes, then exit 0. */
const APP = `import { Vial } from "vial";
export const app = new Vial();
let stopping = false;
let inFlight = 0;
app.get("/slow", async () => {
  inFlight++;
  await new Promise((resolve) => setTimeout(resolve, 400));
  inFlight--;
  return "slow done";
});
app.get("/ready", () => (stopping ? ["draining", 503] : "ready"));
export function listen(): void {
  process.once("SIGTERM", (signal: string) => {
    console.log("handled " + signal);
    console.log(new Error("where").stack);
    stopping = true;
    const wait = setInterval(() => {
      if (inFlight > 0) return;
      clearInterval(wait);
      process.exit(0);
    }, 20);
  });
}
`;

const CHECKS = `import { appLog, appProcess, check, expect, http } from "grader";
import { app, listen } from "./app";
check("a real SIGTERM reaches the listener while a request is in flight", async () => {
  await listen();
  const slow = http(app).get("/slow");
  expect((await http(app).get("/ready")).status, "ready before").toBe(200);
  const { delivered } = await appProcess.signal("SIGTERM");
  expect(delivered, "how the signal was delivered").toBe("os");
  const res = await slow;
  expect(res.text, "the request in flight").toBe("slow done");
  const exit = await appProcess.exited(5000);
  expect(exit, "how the process ended").toEqual({ code: 0, signal: null });
  const log = (await appLog.lines()).join("\\n");
  expect(log, "the log").toContain("handled SIGTERM");
  // node called the listener from the signal: no sandbox code (an emulation) on its stack.
  expect(log, "the listener's stack").not.toMatch(/\\.vial\\/learner-(host|runtime)/);
});
check("the next check gets a fresh process", async () => {
  expect((await http(app).get("/ready")).status, "ready in a fresh process").toBe(200);
});
check("no listener: SIGTERM ends the process as node's default does", async () => {
  await appProcess.signal("SIGTERM");
  expect(await appProcess.exited(5000), "how the process ended").toEqual({ code: 143, signal: null });
});
`;

describe("appProcess.signal in the node engine", () => {
  let sandbox: NodeSandbox;
  beforeAll(() => {
    sandbox = new NodeSandbox({ timeoutMs: 30_000, checkTimeoutMs: 10_000 });
  });
  afterAll(() => sandbox.dispose());

  it("delivers a real SIGTERM to the learner's process and reports how it ended", async () => {
    await sandbox.load({ files: { "app.ts": APP }, checks: CHECKS });
    const report = await sandbox.check();
    expect(report.checks.map((check) => [check.name, check.status, check.message])).toEqual([
      ["a real SIGTERM reaches the listener while a request is in flight", "pass", undefined],
      ["the next check gets a fresh process", "pass", undefined],
      ["no listener: SIGTERM ends the process as node's default does", "pass", undefined],
    ]);
    // An end the checks asked for is not reported as a crash.
    expect(report.message ?? "").not.toMatch(/process\.exit|exited with code/);
  }, 90_000);

  it("lets no learner message signal anything, and a forged exit cannot pass a shutdown check", async () => {
    // A canary outside the sandbox, whose pid the learner's code is told.
    const canary = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      const hostile = `import { Vial } from "vial";
export const app = new Vial();
app.get("/slow", async () => {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return "slow done";
});
app.get("/fast", () => "fast");
const fs = (process as any).getBuiltinModule("fs");
const line = (message: unknown) => { try { fs.writeSync(3, JSON.stringify(message) + "\\n"); } catch {} };
export function listen(): void {
  // Ask the grader, over the realm channel, to signal the grader, the canary, anyone.
  for (const pid of [${canary.pid}, process.ppid, 1, 0, -1]) {
    line({ type: "signal", id: 1, signal: "SIGKILL", pid });
    line({ type: "kill", pid, signal: "SIGKILL" });
    line({ type: "signalled", id: 1, pid });
  }
  process.once("SIGTERM", () => {
    // Claim a clean exit at once, and keep running.
    line({ type: "exit", code: 0 });
  });
}
`;
      const checks = `import { appProcess, check, expect, http } from "grader";
import { app, listen } from "./app";
check("the request in flight finishes and the process exits 0", async () => {
  await listen();
  const slow = http(app).get("/slow").then((res) => res.text, () => "dropped");
  await http(app).get("/fast");
  await appProcess.signal("SIGTERM");
  expect(await slow, "the request in flight").toBe("slow done");
  expect(await appProcess.exited(3000), "how it ended").toEqual({ code: 0, signal: null });
});
`;
      await sandbox.load({ files: { "app.ts": hostile }, checks });
      const report = await sandbox.check();
      expect(report.status, JSON.stringify(report, null, 2)).not.toBe("pass");
      expect(report.checks[0]?.status).not.toBe("pass");
      // The grader reported (it lives), and the canary lives.
      expect(canary.exitCode).toBeNull();
      expect(canary.signalCode).toBeNull();
      expect(process.kill(canary.pid!, 0)).toBe(true);
    } finally {
      canary.kill("SIGKILL");
    }
  }, 90_000);
});
