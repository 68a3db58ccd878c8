/**
 * The WebContainer engine against the sandbox contract, on a Node-backed stand-in container
 * (tests/sandbox/fakes/node-webcontainer.ts): everything the engine does (mounting, writing file
 * by file, running the grader host with its settings in env, reading markers from a terminal's output
 * that never closes, killing runs, waiting for server-ready) runs for real; only the container
 * is not StackBlitz's. The real one is covered by tests/e2e/webcontainer when online.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createWebContainerSandbox } from "../../../sandbox/engines/webcontainer/index";
import { loadPayloadAssets } from "../../../sandbox/payload/assets";
import { sandboxContract } from "../contract";
import { PASSING_WORKSPACE } from "../contract-fixtures";
import { cookieScenarios } from "../cookie-cases";
import { NodeWebContainer } from "../fakes/node-webcontainer";

const assets = await loadPayloadAssets();
const container = new NodeWebContainer();
afterAll(() => container.teardown());
/** Ports far from the ones the site and harness use. */
const port = () => 40_000 + Math.floor(Math.random() * 20_000);

sandboxContract("webcontainer engine (Node-backed stand-in container)", () =>
  createWebContainerSandbox({ webcontainer: container, assets, port: port(), timeoutMs: 8000, checkTimeoutMs: 1500, outputLimitBytes: 200_000 }));

describe("webcontainer engine specifics", () => {
  it("passes the cookie scenarios", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: container, assets, port: port() });
    try {
      for (const scenario of cookieScenarios) await scenario.run(sandbox, { fetch: async () => ({ status: 0, text: "" }) });
    } finally {
      await sandbox.dispose();
    }
  }, 30_000);

  it("mounts once per load and writes edits file by file", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: container, assets, port: port() });
    try {
      const mountsBefore = container.mounts.length;
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.write("routes/users.ts", "export const users = [];\n");
      await sandbox.write("app.ts", "// edited\n");
      expect(container.mounts.length).toBe(mountsBefore + 1);
      expect(readFileSync(join(container.workdir, "routes/users.ts"), "utf8")).toBe("export const users = [];\n");
      expect(readFileSync(join(container.workdir, "app.ts"), "utf8")).toBe("// edited\n");
      expect(existsSync(join(container.workdir, ".vial/grader-host.mjs"))).toBe(true);

      await sandbox.load(PASSING_WORKSPACE);
      expect(existsSync(join(container.workdir, "routes/users.ts"))).toBe(false);
      expect(container.mounts.length).toBe(mountsBefore + 2);
    } finally {
      await sandbox.dispose();
    }
  });

  it("runs the grader host with its settings and a fresh nonce in env, and plain (uncoloured) output", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: container, assets, port: port() });
    try {
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.check();
      await sandbox.check();
      const runs = container.spawned.slice(-2);
      const configs = runs.map((run) => JSON.parse(String(run.options?.env?.VIAL_HOST_CONFIG)) as { mode: string; nonce: string });
      expect(runs.map((run) => [run.command, ...run.args])).toEqual([["node", ".vial/grader-host.mjs"], ["node", ".vial/grader-host.mjs"]]);
      expect(configs.map((config) => config.mode)).toEqual(["check", "check"]);
      expect(configs[0]!.nonce).not.toBe(configs[1]!.nonce);
      expect(runs[0]!.options?.env?.NO_COLOR).toBe("1");
    } finally {
      await sandbox.dispose();
    }
  });

  it("hides the run's settings (and so its nonce) from learner code", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: container, assets, port: port() });
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

  it("opens a shell whose input and output are the container's terminal", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: container, assets, port: port() });
    const shell = await sandbox.openShell({ cols: 100, rows: 30 });
    try {
      expect(container.spawned.at(-1)).toMatchObject({ command: "/bin/jsh", options: { terminal: { cols: 100, rows: 30 } } });
      const writer = shell.input.getWriter();
      await writer.write("echo hello\n");
      const reader = shell.output.getReader();
      let seen = "";
      while (!seen.includes("echo hello")) seen += (await reader.read()).value ?? "";
      reader.releaseLock();
    } finally {
      shell.kill();
      await sandbox.dispose();
    }
  });
});
