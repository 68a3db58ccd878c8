/**
 * The numbers that come from other parts of the repo's own commands: `npm run lessons:check`
 * (timed), `npm run build` (timed, when asked for), and `npm run bench:sandbox` (its JSON).
 * Each is optional: a missing script is reported as skipped, never as a failure of the bench.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** How a command ended. */
export interface CommandRun {
  ok: boolean;
  seconds: number;
  /** The last lines of its output, to show what went wrong. */
  tail: string;
  stdout: string;
}

/** Whether package.json defines this npm script. */
export function hasScript(repoRoot: string, name: string): boolean {
  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.[name]);
}

/** Runs `npm run <script> [-- args]` and times it. */
export function runScript(repoRoot: string, script: string, args: string[] = [], timeoutMs = 600_000): Promise<CommandRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      const tail = output.trim().split("\n").slice(-5).join("\n");
      resolve({ ok: code === 0, seconds: (performance.now() - started) / 1000, tail, stdout });
    });
  });
}

/** The sandbox benchmark's numbers, in the shape `bench/sandbox.ts --json` prints. */
export interface SandboxNumbers {
  runs: number;
  pauseMs?: number;
  /** `grading` (time inside the run) is only known for engines that report it. */
  results: Record<string, { total: { median: number; p90: number; min: number; max: number }; grading?: { median: number } }>;
}

/** Pulls the JSON document out of `bench:sandbox --json` output (other lines may come before it). */
export function parseSandboxJson(stdout: string): SandboxNumbers | undefined {
  // The document is printed indented, so it starts with a line holding only "{".
  const start = stdout.startsWith("{\n") ? 0 : stdout.lastIndexOf("\n{\n") + 1;
  const end = stdout.lastIndexOf("}");
  if (start < 0 || end < start || stdout[start] !== "{") return undefined;
  try {
    return JSON.parse(stdout.slice(start, end + 1)) as SandboxNumbers;
  } catch {
    return undefined;
  }
}
