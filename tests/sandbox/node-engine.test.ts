import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NodeSandbox } from "../../sandbox/engines/node/index";
import { sandboxContract } from "./contract";
import { appWith, PASSING_WORKSPACE } from "./contract-fixtures";

// Short limits keep the suite quick; the scenarios do not depend on their values. A run starts
// two processes (grader and learner), so the limits leave room for a busy machine.
sandboxContract("node engine", () => new NodeSandbox({ timeoutMs: 8000, checkTimeoutMs: 1500, outputLimitBytes: 200_000 }));

describe("node engine specifics", () => {
  it("removes its temp folder on dispose and refuses work afterwards", async () => {
    const sandbox = new NodeSandbox();
    await sandbox.load(PASSING_WORKSPACE);
    const dir = sandbox.directory!;
    expect(existsSync(`${dir}/app.ts`)).toBe(true);
    expect(existsSync(`${dir}/.vial/grader-host.mjs`)).toBe(true);
    await sandbox.dispose();
    expect(existsSync(dir)).toBe(false);
    await expect(sandbox.check()).rejects.toThrow(/disposed/);
  });

  it("uses a fresh folder for each load", async () => {
    const sandbox = new NodeSandbox();
    try {
      await sandbox.load(PASSING_WORKSPACE);
      const first = sandbox.directory!;
      await sandbox.write("notes.ts", "export {};\n");
      await sandbox.load(PASSING_WORKSPACE);
      expect(sandbox.directory).not.toBe(first);
      expect(existsSync(first)).toBe(false);
      expect(existsSync(`${sandbox.directory}/notes.ts`)).toBe(false);
    } finally {
      await sandbox.dispose();
    }
  });

  it("reports running out of memory as an error that says so", async () => {
    const sandbox = new NodeSandbox({ memoryMb: 32, timeoutMs: 20_000 });
    try {
      await sandbox.load({ ...PASSING_WORKSPACE, files: { ...PASSING_WORKSPACE.files, "app.ts": appWith(`const hoard: string[][] = [];\nwhile (true) hoard.push(new Array(100_000).fill("x"));\n`) } });
      const report = await sandbox.check();
      expect(report.status).toBe("error");
      expect(report.message).toMatch(/out of memory.*32 MB/);
    } finally {
      await sandbox.dispose();
    }
  }, 40_000);

  it("does not pass the parent's environment to learner code", async () => {
    process.env.VIAL_TEST_SECRET = "do-not-leak";
    const sandbox = new NodeSandbox();
    try {
      await sandbox.load({
        files: { "app.ts": `export const app = { fetch: async () => new Response(JSON.stringify(process.env)) };\n` },
        checks: `import { check, expect, http } from "grader";\nimport { app } from "./app";\ncheck("env", async () => {\n  const res = await http(app).get("/");\n  expect(res.text).not.toContain("do-not-leak");\n  expect(res.text).not.toContain("NODE_OPTIONS");\n});\n`,
      });
      expect((await sandbox.check()).status).toBe("pass");
    } finally {
      delete process.env.VIAL_TEST_SECRET;
      await sandbox.dispose();
    }
  });
});
