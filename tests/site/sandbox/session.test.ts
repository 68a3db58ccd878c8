import { describe, expect, it } from "vitest";
import { WorkspaceSession } from "../../../site/sandbox/session";
import { engineStore } from "../../../site/state/engine-store";
import { previewStore } from "../../../site/state/preview-store";
import { reportStore } from "../../../site/state/report-store";
import { outputStore } from "../../../site/state/output-store";
import { fakeEngines, FakeSandbox, helloGrade } from "./fake-sandbox";
import type { OpenedSandbox } from "../../../site/sandbox/opener";

describe("workspace session", () => {
  it("starts the engine, loads the files and checks, and shows the preview", async () => {
    const sandbox = new FakeSandbox(helloGrade);
    const session = new WorkspaceSession(fakeEngines(async () => ({ kind: "worker", reason: "chosen in the test", sandbox })), "checks source");
    await session.start({ "app.ts": "x" }, null);
    expect(sandbox.loaded).toEqual({ files: { "app.ts": "x" }, checks: "checks source" });
    expect(engineStore.get()).toMatchObject({ phase: "ready", kind: "worker", reason: "chosen in the test" });
    expect(previewStore.get().baseUrl).toBe("/preview/fake/");
    await session.dispose();
    expect(sandbox.disposed).toBe(true);
  });

  it("checks the files as edited, in order, and records the report", async () => {
    const sandbox = new FakeSandbox(helloGrade);
    const session = new WorkspaceSession(fakeEngines(async () => ({ kind: "worker", reason: "", sandbox })), "");
    await session.start({ "app.ts": "" }, null);
    expect((await session.check()).status).toBe("fail");
    session.write("app.ts", 'app.get("/", () => "Hello")');
    const report = await session.check();
    expect(report.status).toBe("pass");
    expect(reportStore.get()).toMatchObject({ running: false, report });
    await session.dispose();
  });

  it("shows a clear error when no engine can start, and answers checks with an error report", async () => {
    const session = new WorkspaceSession(fakeEngines(async () => Promise.reject(new Error("The runner page did not load."))), "");
    await session.start({ "app.ts": "" }, "worker");
    expect(engineStore.get()).toMatchObject({ phase: "error", error: "The runner page did not load.", preferred: "worker" });
    const report = await session.check();
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/cannot run because the sandbox is not running: The runner page did not load\. Use “Retry”/);
  });

  it("turns a check that throws into an error report and stays usable", async () => {
    let calls = 0;
    const sandbox = new FakeSandbox((files) => {
      calls++;
      if (calls === 1) throw new Error("worker crashed");
      return helloGrade(files);
    });
    const session = new WorkspaceSession(fakeEngines(async () => ({ kind: "worker", reason: "", sandbox })), "");
    await session.start({ "app.ts": "Hello" }, null);
    expect((await session.check()).message).toMatch(/worker crashed/);
    expect((await session.check()).status).toBe("pass");
    await session.dispose();
  });

  it("copies the engine's output into the output panel", async () => {
    const sandbox = new FakeSandbox(helloGrade);
    const session = new WorkspaceSession(fakeEngines(async () => ({ kind: "worker", reason: "", sandbox })), "");
    outputStore.set("");
    await session.start({ "app.ts": "" }, null);
    sandbox.output.push("Listening\n");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(outputStore.get()).toContain("Listening");
    await session.dispose();
  });

  it("clears a preview whose app stopped serving, and says why in the output", async () => {
    const sandbox = new FakeSandbox(helloGrade);
    let stop: (reason: string) => void = () => {};
    const session = new WorkspaceSession(fakeEngines(async () => ({
      kind: "worker", reason: "", sandbox,
      onPreviewStopped: (listener: (reason: string) => void) => {
        stop = listener;
        return () => {};
      },
    })), "");
    outputStore.set("");
    await session.start({ "app.ts": "" }, null);
    expect(previewStore.get().baseUrl).toBe("/preview/fake/");
    stop("Your app stopped (exit code 1), so the preview has nothing to show.");
    expect(previewStore.get().baseUrl).toBeNull();
    expect(outputStore.get()).toContain("Your app stopped (exit code 1)");
    await session.dispose();
  });

  it("runs on the worker engine at once and boots no WebContainer unless one is wanted", async () => {
    const engines = fakeEngines(async () => ({ kind: "worker", reason: "", sandbox: new FakeSandbox(helloGrade) }));
    const session = new WorkspaceSession(engines, "");
    await session.start({ "app.ts": "" }, null);
    await settle();
    expect(engines.opened).toEqual(["worker"]);
    expect(engineStore.get()).toMatchObject({ phase: "ready", kind: "worker", upgrade: { status: "none" } });
    await session.dispose();
  });

  it("boots a WebContainer for a lesson that needs a terminal, and one the learner chose, while the worker engine runs", async () => {
    for (const [preferred, needsTerminal] of [[null, true], ["webcontainer", false]] as const) {
      const engines = fakeEngines(async () => ({ kind: "worker", reason: "", sandbox: new FakeSandbox(helloGrade) }));
      const session = new WorkspaceSession(engines, "", { needsTerminal });
      await session.start({ "app.ts": "" }, preferred);
      await settle();
      expect(engines.opened).toEqual(["worker", "webcontainer"]);
      await session.dispose();
    }
  });

  it("hands the workspace to the WebContainer once it boots: the files as edited meanwhile, the report kept, the worker retired", async () => {
    const worker = new FakeSandbox(helloGrade);
    const container = new FakeSandbox(helloGrade);
    let boot: (opened: OpenedSandbox) => void = () => {};
    const engines = fakeEngines(async () => ({ kind: "worker", reason: "", sandbox: worker }), {
      webcontainer: () => new Promise((resolve) => (boot = resolve)),
    });
    const session = new WorkspaceSession(engines, "checks");
    await session.start({ "app.ts": "" }, "webcontainer");
    await settle();
    expect(engineStore.get()).toMatchObject({ phase: "ready", kind: "worker", upgrade: { status: "booting", timeoutMs: 30_000 } });
    session.write("app.ts", "Hello");
    const report = await session.check();
    expect(report.status).toBe("pass");
    boot({ kind: "webcontainer", reason: "Using WebContainers: you chose WebContainers.", sandbox: container });
    await settle();
    expect(container.loaded).toEqual({ files: { "app.ts": "Hello" }, checks: "checks" });
    expect(container.starts).toBe(1);
    expect(worker.disposed).toBe(true);
    expect(engineStore.get()).toMatchObject({ phase: "ready", kind: "webcontainer", upgrade: { status: "none" } });
    expect(reportStore.get().report).toBe(report);
    expect((await session.check()).status).toBe("pass");
    await session.dispose();
    expect(container.disposed).toBe(true);
  });

  it("keeps the worker engine when the WebContainer fails to boot, says why, and records the failure for other tabs", async () => {
    const worker = new FakeSandbox(helloGrade);
    const engines = fakeEngines(async () => ({ kind: "worker", reason: "", sandbox: worker }));
    const session = new WorkspaceSession(engines, "");
    await session.start({ "app.ts": "Hello" }, "webcontainer");
    await settle();
    expect(engines.failures).toEqual(["StackBlitz did not answer within 30 s."]);
    expect(engineStore.get()).toMatchObject({ phase: "ready", kind: "worker", upgrade: { status: "unavailable", reason: "StackBlitz did not answer within 30 s." } });
    expect(worker.disposed).toBe(false);
    expect((await session.check()).status).toBe("pass");
    await session.dispose();
  });

  it("does not boot a WebContainer that is blocked (a failure remembered), unless the learner asks again", async () => {
    const engines = fakeEngines(async () => ({ kind: "worker", reason: "", sandbox: new FakeSandbox(helloGrade) }), {
      blocked: (explicit) => (explicit ? null : "StackBlitz did not answer 3 minutes ago."),
    });
    const session = new WorkspaceSession(engines, "");
    await session.start({ "app.ts": "" }, "webcontainer");
    await settle();
    expect(engines.opened).toEqual(["worker"]);
    expect(engineStore.get().upgrade).toEqual({ status: "unavailable", reason: "StackBlitz did not answer 3 minutes ago." });
    await session.choose("webcontainer");
    expect(engines.opened).toEqual(["worker", "webcontainer"]);
    await session.dispose();
  });

  it("lets the learner change back: choosing the worker forgets a WebContainer still booting, and leaves a running one", async () => {
    const container = new FakeSandbox(helloGrade);
    let boot: (opened: OpenedSandbox) => void = () => {};
    const workers: FakeSandbox[] = [];
    const engines = fakeEngines(
      async () => {
        workers.push(new FakeSandbox(helloGrade));
        return { kind: "worker", reason: "", sandbox: workers.at(-1)! };
      },
      { webcontainer: () => new Promise((resolve) => (boot = resolve)) },
    );
    const session = new WorkspaceSession(engines, "");
    await session.start({ "app.ts": "x" }, "webcontainer");
    await settle();
    await session.choose("worker");
    expect(engineStore.get()).toMatchObject({ preferred: "worker", kind: "worker", upgrade: { status: "none" } });
    boot({ kind: "webcontainer", reason: "", sandbox: container });
    await settle();
    expect(container.disposed).toBe(true);
    expect(engineStore.get().kind).toBe("worker");

    const running = new FakeSandbox(helloGrade);
    const again = fakeEngines(async () => ({ kind: "worker", reason: "", sandbox: new FakeSandbox(helloGrade) }), {
      webcontainer: async () => ({ kind: "webcontainer", reason: "", sandbox: running }),
    });
    const second = new WorkspaceSession(again, "");
    await second.start({ "app.ts": "y" }, "webcontainer");
    await settle();
    expect(engineStore.get().kind).toBe("webcontainer");
    second.write("app.ts", "Hello");
    await second.choose("worker");
    expect(engineStore.get()).toMatchObject({ phase: "ready", kind: "worker", preferred: "worker" });
    expect(running.disposed).toBe(true);
    expect((await second.check()).status).toBe("pass");
    await session.dispose();
    await second.dispose();
  });

  it("runs a check pressed before the engine is ready as soon as it is, saying what it waits for meanwhile", async () => {
    let open: () => void = () => {};
    const sandbox = new FakeSandbox(helloGrade);
    const engines = fakeEngines(() => new Promise((resolve) => (open = () => resolve({ kind: "worker", reason: "", sandbox }))));
    const session = new WorkspaceSession(engines, "");
    const started = session.start({ "app.ts": "Hello" }, null);
    const checked = session.check();
    expect(reportStore.get()).toMatchObject({ running: true, waitingFor: "the Web Worker engine to start" });
    await settle();
    expect(reportStore.get()).toMatchObject({ running: true, waitingFor: "the Web Worker engine to start" });
    open();
    await started;
    expect((await checked).status).toBe("pass");
    expect(reportStore.get()).toMatchObject({ running: false, waitingFor: null });
    await session.dispose();
  });
});

/** Lets every pending promise callback run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}
