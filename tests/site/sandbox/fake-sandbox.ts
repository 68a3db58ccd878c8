import type { GradeReport } from "../../../sandbox/report";
import type { Sandbox, Workspace } from "../../../sandbox/sandbox";
import { OutputStream } from "../../../sandbox/output";
import type { OpenedSandbox, SessionEngines } from "../../../site/sandbox/opener";
import type { EngineKind } from "../../../site/state/engine-store";

/** A sandbox that records what the site asked of it and answers checks from `grade`. */
export class FakeSandbox implements Sandbox {
  output = new OutputStream();
  loaded: Workspace | null = null;
  writes: [string, string][] = [];
  starts = 0;
  disposed = false;

  constructor(private readonly grade: (files: Record<string, string>) => GradeReport | Promise<GradeReport>) {}

  async load(workspace: Workspace) {
    this.loaded = { ...workspace, files: { ...workspace.files } };
  }
  async write(path: string, contents: string) {
    this.writes.push([path, contents]);
    if (this.loaded) this.loaded.files[path] = contents;
  }
  async start() {
    this.starts++;
    return { url: "/preview/fake/" };
  }
  async check() {
    return this.grade(this.loaded?.files ?? {});
  }
  async dispose() {
    this.disposed = true;
    this.output.close();
  }
}

/** Passes when app.ts contains "Hello", fails otherwise. */
export function helloGrade(files: Record<string, string>): GradeReport {
  const ok = (files["app.ts"] ?? "").includes("Hello");
  return { status: ok ? "pass" : "fail", durationMs: 1, checks: [{ name: "says hello", task: 1, status: ok ? "pass" : "fail", ...(ok ? {} : { message: "expected Hello" }) }] };
}

export interface FakeEnginesOptions {
  /** Opens a WebContainer; default: refuses, as with no route to StackBlitz. */
  webcontainer?: () => Promise<OpenedSandbox>;
  /** Why WebContainers are not tried (default: nothing stops them). */
  blocked?: (explicit: boolean) => string | null;
}

/** Engines for the session: `worker` opens the worker engine; failures of WebContainers are recorded in `failures`. */
export function fakeEngines(worker: () => Promise<OpenedSandbox>, options: FakeEnginesOptions = {}): SessionEngines & { failures: string[]; opened: EngineKind[] } {
  const failures: string[] = [];
  const opened: EngineKind[] = [];
  return {
    failures,
    opened,
    open: (kind) => {
      opened.push(kind);
      if (kind === "worker") return worker();
      return options.webcontainer ? options.webcontainer() : Promise.reject(new Error("StackBlitz did not answer within 30 s."));
    },
    webContainerBlocked: async (explicit) => options.blocked?.(explicit) ?? null,
    webContainerFailed: (reason) => void failures.push(reason),
    webContainerTimeoutMs: 30_000,
  };
}
