/**
 * The WebContainer engine against the sandbox contract, on a Node-backed stand-in container
 * (tests/sandbox/fakes/node-webcontainer.ts): everything the engine does (mounting, running the
 * host with its settings in env, reading markers from a terminal's output that never closes,
 * killing runs, waiting for server-ready) runs for real, with the documented quirks of the real
 * container reproduced; only the container is not StackBlitz's. quirks.test.ts tests each quirk
 * on its own; the real container is covered by tests/e2e/webcontainer when online.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createWebContainerSandbox } from "../../../sandbox/engines/webcontainer/index";
import { loadPayloadAssets } from "../../../sandbox/payload/assets";
import { sandboxContract } from "../contract";
import { PASSING_WORKSPACE } from "../contract-fixtures";
import { cookieScenarios } from "../cookie-cases";
import { NodeWebContainer } from "../fakes/node-webcontainer";

const assets = await loadPayloadAssets();
const containers: NodeWebContainer[] = [];
/** A new stand-in container, torn down after the suite. */
function boot(): Promise<NodeWebContainer> {
  const container = new NodeWebContainer();
  containers.push(container);
  return Promise.resolve(container);
}
afterAll(() => {
  for (const container of containers) container.teardown();
});
/** Ports far from the ones the site and harness use. */
const port = () => 40_000 + Math.floor(Math.random() * 20_000);

sandboxContract("webcontainer engine (Node-backed stand-in container)", () =>
  createWebContainerSandbox({ webcontainer: boot(), boot, assets, port: port(), timeoutMs: 8000, checkTimeoutMs: 1500, outputLimitBytes: 200_000 }));

describe("webcontainer engine specifics", () => {
  it("passes the cookie scenarios", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: boot(), boot, assets, port: port() });
    try {
      for (const scenario of cookieScenarios) await scenario.run(sandbox, { fetch: async () => ({ status: 0, text: "" }) });
    } finally {
      await sandbox.dispose();
    }
  }, 30_000);

  it("mounts the payload afresh into grade/ for each run, and keeps a copy of the learner's files in shell/", async () => {
    const container = await boot();
    const sandbox = createWebContainerSandbox({ webcontainer: container, boot, assets, port: port() });
    try {
      await sandbox.load(PASSING_WORKSPACE);
      expect(readFileSync(join(container.workdir, "shell/app.ts"), "utf8")).toBe(PASSING_WORKSPACE.files["app.ts"]);
      expect(existsSync(join(container.workdir, "grade"))).toBe(false);
      await sandbox.write("routes/users.ts", "export const users = [];\n");
      expect(readFileSync(join(container.workdir, "shell/routes/users.ts"), "utf8")).toBe("export const users = [];\n");
      const mountsBefore = container.mounts.length;
      await sandbox.check();
      await sandbox.check();
      expect(container.mounts.length).toBe(mountsBefore + 2);
      expect(readFileSync(join(container.workdir, "grade/routes/users.ts"), "utf8")).toBe("export const users = [];\n");
      expect(existsSync(join(container.workdir, "grade/.vial/grader-host.mjs"))).toBe(true);

      await sandbox.load(PASSING_WORKSPACE);
      expect(existsSync(join(container.workdir, "shell/routes/users.ts"))).toBe(false);
      expect(existsSync(join(container.workdir, "grade"))).toBe(false);
    } finally {
      await sandbox.dispose();
    }
  });

  it("runs the grader host in grade/ with its settings and a fresh nonce in env, the learner's heap limit, and plain (uncoloured) output", async () => {
    const container = await boot();
    const sandbox = createWebContainerSandbox({ webcontainer: container, boot, assets, port: port(), memoryMb: 96 });
    try {
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.check();
      await sandbox.check();
      const runs = container.spawned.slice(-2);
      const configs = runs.map((run) => JSON.parse(String(run.options?.env?.VIAL_HOST_CONFIG)) as { mode: string; nonce: string });
      const hostRun = ["node", ".vial/grader-host.mjs", `--learner=${JSON.stringify(["node", "--max-old-space-size=96"])}`, "--memory-mb=96"];
      expect(runs.map((run) => [run.command, ...run.args])).toEqual([hostRun, hostRun]);
      expect(runs.map((run) => run.options?.cwd)).toEqual(["grade", "grade"]);
      expect(configs.map((config) => config.mode)).toEqual(["check", "check"]);
      expect(configs[0]!.nonce).not.toBe(configs[1]!.nonce);
      expect(runs[0]!.options?.env?.NO_COLOR).toBe("1");
    } finally {
      await sandbox.dispose();
    }
  });

  it("hides the run's settings (and so its nonce) from learner code", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: boot(), boot, assets, port: port() });
    try {
      await sandbox.load({
        files: { "app.ts": "export const app = { fetch: async () => new Response(String(process.env.VIAL_HOST_CONFIG)) };\n" },
        checks: `import { check, expect, http } from "grader";\nimport { app } from "./app";\ncheck("no settings", async () => {\n  expect((await http(app).get("/")).text).toBe("undefined");\n});\n`,
      });
      expect((await sandbox.check()).status).toBe("pass");
    } finally {
      await sandbox.dispose();
    }
  });
});
