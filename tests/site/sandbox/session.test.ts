import { describe, expect, it } from "vitest";
import { WorkspaceSession } from "../../../site/sandbox/session";
import { engineStore } from "../../../site/state/engine-store";
import { previewStore } from "../../../site/state/preview-store";
import { reportStore } from "../../../site/state/report-store";
import { outputStore } from "../../../site/state/output-store";
import { FakeSandbox, helloGrade } from "./fake-sandbox";

describe("workspace session", () => {
  it("starts the engine, loads the files and checks, and shows the preview", async () => {
    const sandbox = new FakeSandbox(helloGrade);
    const session = new WorkspaceSession(async () => ({ kind: "worker", reason: "chosen in the test", sandbox }), "checks source");
    await session.start({ "app.ts": "x" }, null);
    expect(sandbox.loaded).toEqual({ files: { "app.ts": "x" }, checks: "checks source" });
    expect(engineStore.get()).toMatchObject({ phase: "ready", kind: "worker", reason: "chosen in the test" });
    expect(previewStore.get().baseUrl).toBe("/preview/fake/");
    await session.dispose();
    expect(sandbox.disposed).toBe(true);
  });

  it("checks the files as edited, in order, and records the report", async () => {
    const sandbox = new FakeSandbox(helloGrade);
    const session = new WorkspaceSession(async () => ({ kind: "worker", reason: "", sandbox }), "");
    await session.start({ "app.ts": "" }, null);
    expect((await session.check()).status).toBe("fail");
    session.write("app.ts", 'app.get("/", () => "Hello")');
    const report = await session.check();
    expect(report.status).toBe("pass");
    expect(reportStore.get()).toMatchObject({ running: false, report });
    await session.dispose();
  });

  it("shows a clear error when no engine can start, and answers checks with an error report", async () => {
    const session = new WorkspaceSession(async () => Promise.reject(new Error("WebContainers need a network connection.")), "");
    await session.start({ "app.ts": "" }, "webcontainer");
    expect(engineStore.get()).toMatchObject({ phase: "error", error: "WebContainers need a network connection.", preferred: "webcontainer" });
    const report = await session.check();
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/cannot run because the sandbox is not running: WebContainers need a network connection\. Use “Retry”/);
  });

  it("turns a check that throws into an error report and stays usable", async () => {
    let calls = 0;
    const sandbox = new FakeSandbox((files) => {
      calls++;
      if (calls === 1) throw new Error("worker crashed");
      return helloGrade(files);
    });
    const session = new WorkspaceSession(async () => ({ kind: "worker", reason: "", sandbox }), "");
    await session.start({ "app.ts": "Hello" }, null);
    expect((await session.check()).message).toMatch(/worker crashed/);
    expect((await session.check()).status).toBe("pass");
    await session.dispose();
  });

  it("copies the engine's output into the output panel", async () => {
    const sandbox = new FakeSandbox(helloGrade);
    const session = new WorkspaceSession(async () => ({ kind: "worker", reason: "", sandbox }), "");
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
    const session = new WorkspaceSession(async () => ({
      kind: "webcontainer", reason: "", sandbox,
      onPreviewStopped: (listener) => {
        stop = listener;
        return () => {};
      },
    }), "");
    outputStore.set("");
    await session.start({ "app.ts": "" }, null);
    expect(previewStore.get().baseUrl).toBe("/preview/fake/");
    stop("Your app stopped (exit code 1), so the preview has nothing to show.");
    expect(previewStore.get().baseUrl).toBeNull();
    expect(outputStore.get()).toContain("Your app stopped (exit code 1)");
    await session.dispose();
  });
});
