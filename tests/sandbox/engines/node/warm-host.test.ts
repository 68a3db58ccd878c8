/**
 * While a learner edits, the node engine keeps the grader host that reported and sends it the
 * next run (runHost's keepAlive). What must hold: each run grades the files as they are now,
 * learner state never carries over (every run gets new learner processes), each run has its
 * own nonce, and a host that overran is gone rather than reused.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node/index";
import { isAlive, runHost, spawnHost } from "../../../../sandbox/engines/node/run-host";
import { killGroup } from "../../../../sandbox/engines/node/process-group";
import { parseGradeReport } from "../../../../sandbox/report";

const app = (greeting: string) => `import { Vial } from "vial";
export const app = new Vial();
let hits = 0;
app.get("/", () => "${greeting}");
app.get("/hits", () => String(++hits));
`;

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("says Hello", async () => {
  expect((await http(app).get("/")).text).toBe("Hello");
});
check("a fresh app: the first hit is hit 1", async () => {
  expect((await http(app).get("/hits")).text).toBe("1");
});
`;

const limits = { memoryMb: 256, outputLimitBytes: 1_000_000, onOutput: () => {} };
const config = { mode: "check" as const, checkTimeoutMs: 4000, budgetMs: 20_000 };

describe("a grader host kept for the next run (node engine)", () => {
  let sandbox: NodeSandbox;
  let dir: string;
  beforeAll(async () => {
    sandbox = new NodeSandbox({ timeoutMs: 20_000 });
    await sandbox.load({ files: { "app.ts": app("Hello") }, checks: CHECKS });
    dir = sandbox.directory!;
  }, 60_000);
  afterAll(() => sandbox.dispose());

  it("grades each run's files with new learner processes, and stays up only when asked", async () => {
    const host = spawnHost(dir, 256, true);
    try {
      const first = runHost({ dir, config, timeoutMs: 20_000, ...limits, spare: host, keepAlive: true });
      const firstReport = parseGradeReport((await first.outcome).report);
      expect(firstReport.checks.map((c) => c.status)).toEqual(["pass", "pass"]);
      expect(first.reusable()).toBe(host);

      // The edit is graded, and the hit counter starts again: a new learner process.
      await writeFile(join(dir, "app.ts"), app("Hi"));
      const second = runHost({ dir, config, timeoutMs: 20_000, ...limits, spare: host, keepAlive: true });
      const secondReport = parseGradeReport((await second.outcome).report);
      expect(secondReport.checks.map((c) => [c.name, c.status])).toEqual([["says Hello", "fail"], ["a fresh app: the first hit is hit 1", "pass"]]);
      expect(second.reusable()).toBe(host);

      // Without keepAlive the host's input ends: it reports, then it is gone.
      await writeFile(join(dir, "app.ts"), app("Hello"));
      const last = runHost({ dir, config, timeoutMs: 20_000, ...limits, spare: host });
      expect(parseGradeReport((await last.outcome).report).status).toBe("pass");
      expect(last.reusable()).toBeUndefined();
      await new Promise<void>((resolve) => (isAlive(host) ? host.once("exit", () => resolve()) : resolve()));
      expect(isAlive(host)).toBe(false);
    } finally {
      if (host.pid !== undefined) killGroup(host.pid);
    }
  }, 90_000);

  it("does not keep a host that ran out of time", async () => {
    const host = spawnHost(dir, 256, true);
    try {
      await writeFile(join(dir, "app.ts"), `${app("Hello")}\nwhile (true) {}\n`);
      const run = runHost({ dir, config, timeoutMs: 3000, ...limits, spare: host, keepAlive: true });
      // The grader's own budget (20 s) is longer than the engine's limit: the engine stops it.
      const outcome = await run.outcome;
      expect(outcome.timedOut).toBe(true);
      expect(run.reusable()).toBeUndefined();
      expect(isAlive(host)).toBe(false);
      await writeFile(join(dir, "app.ts"), app("Hello"));
    } finally {
      if (host.pid !== undefined) killGroup(host.pid);
    }
  }, 60_000);

  it("answers every edit through the sandbox's kept host", async () => {
    for (const greeting of ["Hello", "Hey", "Hello"]) {
      await sandbox.write("app.ts", app(greeting));
      const report = await sandbox.check();
      expect(report.checks.map((c) => c.status)).toEqual([greeting === "Hello" ? "pass" : "fail", "pass"]);
    }
  }, 90_000);
});
