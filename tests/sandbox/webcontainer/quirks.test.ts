/**
 * One test per documented WebContainer quirk, on the stand-in that reproduces it
 * (tests/sandbox/fakes/node-webcontainer.ts): each failed against the engine before it coped
 * with the quirk (sandbox/README.md, "WebContainer engine", names the sources).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createWebContainerSandbox } from "../../../sandbox/engines/webcontainer/index";
import type { WebContainerSandbox } from "../../../sandbox/engines/webcontainer/index";
import { loadPayloadAssets } from "../../../sandbox/payload/assets";
import { appWith, PASSING_APP, PASSING_WORKSPACE } from "../contract-fixtures";
import { NodeWebContainer } from "../fakes/node-webcontainer";
import { wellFormed } from "../fakes/terminal-output";

const assets = await loadPayloadAssets();
const containers: NodeWebContainer[] = [];
function boot(): Promise<NodeWebContainer> {
  const container = new NodeWebContainer();
  containers.push(container);
  return Promise.resolve(container);
}
afterAll(() => {
  for (const container of containers) container.teardown();
});
const port = () => 40_000 + Math.floor(Math.random() * 20_000);

/** Runs `body` with a sandbox on a fresh stand-in, disposing of it after. */
async function withSandbox(options: Parameters<typeof createWebContainerSandbox>[0], body: (sandbox: WebContainerSandbox, container: NodeWebContainer) => Promise<void>): Promise<void> {
  const container = await boot();
  const sandbox = createWebContainerSandbox({ webcontainer: container, boot, assets, port: port(), ...options });
  try {
    await body(sandbox, container);
  } finally {
    await sandbox.dispose();
  }
}

/** Collects what `sandbox.output` hands on while `action` runs, chunk by chunk. */
async function outputDuring(sandbox: WebContainerSandbox, action: () => Promise<unknown>): Promise<string[]> {
  const chunks: string[] = [];
  const iterator = sandbox.output[Symbol.asyncIterator]();
  const reading = (async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) chunks.push(next.value);
  })();
  await action();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await iterator.return?.();
  void reading;
  return chunks;
}

/** Reads a stream until `text` has appeared. */
async function readUntil(reader: ReadableStreamDefaultReader<string>, text: string): Promise<string> {
  let seen = "";
  while (!seen.includes(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value;
  }
  return seen;
}

describe("WebContainer quirks the engine copes with", () => {
  it("busy loops ignore kill(): the container is torn down and a new one booted, with the learner's files", async () => {
    await withSandbox({ timeoutMs: 2500, checkTimeoutMs: 1000, killGraceMs: 300 }, async (sandbox, first) => {
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.write("app.ts", appWith("while (true) {}\n"));
      const report = await sandbox.check();
      expect(report.status).toBe("error");
      expect(report.message).toMatch(/did not finish/);
      expect(first.tornDown).toBe(true);
      expect(await first.settled()).toBe(0);
      const second = containers.at(-1)!;
      expect(second).not.toBe(first);
      expect(readFileSync(join(second.workdir, "shell/app.ts"), "utf8")).toBe(appWith("while (true) {}\n"));
      await sandbox.write("app.ts", PASSING_APP);
      expect((await sandbox.check()).status).toBe("pass");
    });
  }, 30_000);

  it("an app that loops while starting is ended the same way, and the preview starts again after", async () => {
    await withSandbox({ startTimeoutMs: 3000, killGraceMs: 300 }, async (sandbox, first) => {
      await sandbox.load({ ...PASSING_WORKSPACE, files: { ...PASSING_WORKSPACE.files, "app.ts": appWith("while (true) {}\n") } });
      await expect(sandbox.start()).rejects.toThrow(/did not (start|finish loading) within/);
      expect(await first.settled()).toBe(0);
      await sandbox.write("app.ts", PASSING_APP);
      const { url } = await sandbox.start();
      expect(await (await fetch(url)).text()).toContain("Hello from Vial");
    });
  }, 30_000);

  it("terminal output (CRLF, NUL dropped, chunks split anywhere) still carries the report, and the learner's text whole", async () => {
    await withSandbox({}, async (sandbox) => {
      await sandbox.load({ ...PASSING_WORKSPACE, files: { ...PASSING_WORKSPACE.files, "app.ts": appWith(`console.log("emoji 🙂🎉 and naïve text");\n`) } });
      let status = "";
      const chunks = await outputDuring(sandbox, async () => (status = (await sandbox.check()).status));
      expect(status).toBe("pass");
      expect(chunks.join("")).toContain("emoji 🙂🎉 and naïve text\n");
      for (const chunk of chunks) expect(wellFormed(chunk), `a chunk split inside a character: ${JSON.stringify(chunk)}`).toBe(true);
    });
  });

  it("server-ready comes only for a server on every address: the preview is announced, on the same port at every start", async () => {
    const fixed = port();
    await withSandbox({ port: fixed }, async (sandbox) => {
      await sandbox.load(PASSING_WORKSPACE);
      const first = await sandbox.start();
      const second = await sandbox.start();
      expect(new URL(first.url).port).toBe(String(fixed));
      expect(new URL(second.url).port).toBe(String(fixed));
      expect(await (await fetch(second.url)).text()).toContain("Hello from Vial");
    });
  }, 30_000);

  it("an app that stops serving after it started is reported, so the page does not show a dead preview", async () => {
    await withSandbox({}, async (sandbox) => {
      await sandbox.load({ ...PASSING_WORKSPACE, files: { ...PASSING_WORKSPACE.files, "app.ts": appWith(`setTimeout(() => { console.log("leaving now"); process.exit(3); }, 300);\n`) } });
      const stopped = new Promise<string>((resolve) => sandbox.onPreviewStopped(resolve));
      await sandbox.start();
      const reason = await stopped;
      expect(reason).toMatch(/^Your app stopped \(exit code \d+\)/);
      expect(reason).toContain("leaving now");
    });
  }, 30_000);

  it("a run out of memory names the real heap limit, which node was given", async () => {
    await withSandbox({ memoryMb: 48, timeoutMs: 8000 }, async (sandbox) => {
      await sandbox.load({ ...PASSING_WORKSPACE, files: { ...PASSING_WORKSPACE.files, "app.ts": appWith("const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(100_000).fill(1));\n") } });
      const report = await sandbox.check();
      expect(report.status).toBe("error");
      expect(report.message).toMatch(/ran out of memory \(the limit is 48 MB\)/);
    });
  }, 30_000);

  it("the container's error event reaches the learner with what to do about it", async () => {
    await withSandbox({}, async (sandbox, container) => {
      await sandbox.load(PASSING_WORKSPACE);
      const chunks = await outputDuring(sandbox, async () => container.reportError("Unable to register the Service Worker"));
      expect(chunks.join("")).toMatch(/WebContainers reported an error: Unable to register the Service Worker\..*third-party cookies.*Web Worker engine/s);
    });
  });

  it("the preview's browser errors (forwarded by the container) reach the output", async () => {
    await withSandbox({}, async (sandbox, container) => {
      await sandbox.load(PASSING_WORKSPACE);
      const chunks = await outputDuring(sandbox, async () => container.reportPreviewMessage({
        type: "PREVIEW_UNCAUGHT_EXCEPTION" as never, message: "handleClick is not defined", stack: "ReferenceError: handleClick is not defined\n    at HTMLButtonElement.onclick (/users:1:1)",
        previewId: "p", port: 3000, pathname: "/users", search: "", hash: "",
      }));
      expect(chunks.join("")).toBe("[preview /users] Uncaught error: handleClick is not defined\n    at HTMLButtonElement.onclick (/users:1:1)\n");
    });
  });

  it("what a process writes over the runtime or the checks is not graded: the next run mounts them afresh, and a change during a run voids it", async () => {
    await withSandbox({}, async (sandbox, container) => {
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.check();
      writeFileSync(join(container.workdir, "grade/.vial/checks.ts"), `import { check } from "grader";\ncheck("forged", () => {});\n`);
      const next = await sandbox.check();
      expect(next.status).toBe("pass");
      expect(next.checks.map((check) => check.name)).toEqual(["GET / says hello", "GET /users/<id> answers JSON"]);

      const rewrite = `(globalThis as any).process.getBuiltinModule("fs").writeFileSync(".vial/checks.ts", "// gone\\n");\n`;
      await sandbox.write("app.ts", appWith(rewrite));
      const voided = await sandbox.check();
      expect(voided.status).toBe("error");
      expect(voided.message).toMatch(/\.vial\/checks\.ts changed while the checks ran/);
    });
  });

  it("jsh loses keystrokes sent before it is interactive: the shell holds them until then, and works in shell/", async () => {
    await withSandbox({}, async (sandbox, container) => {
      await sandbox.load(PASSING_WORKSPACE);
      const shell = await sandbox.openShell({ cols: 100, rows: 30 });
      try {
        const reader = shell.output.getReader();
        const keys = shell.input.getWriter();
        void keys.write("pwd\n");
        expect(await readUntil(reader, "/shell")).toContain(join(container.workdir, "shell"));
        expect(container.spawned.at(-1)).toMatchObject({ command: "/bin/jsh", args: ["--osc"], options: { cwd: "shell", terminal: { cols: 100, rows: 30 } } });
        shell.resize(120, 40);
        expect(container.spawned.at(-1)!.resizes).toEqual([{ cols: 120, rows: 40 }]);
        expect(existsSync(join(container.workdir, "shell/app.ts"))).toBe(true);
        reader.releaseLock();
      } finally {
        shell.kill();
      }
    });
  });
});
