import type { GradeReport } from "../../../sandbox/report";
import type { Sandbox, Workspace } from "../../../sandbox/sandbox";
import { OutputStream } from "../../../sandbox/output";

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
