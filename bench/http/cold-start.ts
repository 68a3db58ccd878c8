/**
 * Cold start: the time from spawning `node` on a framework's app to the first answered
 * `GET /`, polling every 2 ms. Median of several starts.
 */
import { spawn } from "node:child_process";
import { request } from "node:http";
import { FRAMEWORKS, type Framework } from "./frameworks";
import { freePort } from "./server-process";

/** Median and minimum cold start of each framework, in milliseconds. */
export type ColdStartResults = Partial<Record<Framework["id"], { medianMs: number; minMs: number; runs: number } | { error: string }>>;

/**
 * Starts each framework `runs` times, the frameworks taking turns so that background load hits
 * them alike; one unmeasured round first warms the disk cache.
 */
export async function measureColdStarts(appFiles: Record<Framework["id"], string>, runs: number, frameworks?: string[]): Promise<ColdStartResults> {
  const chosen = FRAMEWORKS.filter((f) => !frameworks || frameworks.includes(f.id));
  const times = new Map<Framework["id"], number[]>(chosen.map((f) => [f.id, []]));
  const errors = new Map<Framework["id"], string>();
  for (let round = 0; round <= runs; round++) {
    for (const framework of chosen) {
      if (errors.has(framework.id)) continue;
      try {
        const ms = await coldStartOnce(appFiles[framework.id]);
        if (round > 0) times.get(framework.id)!.push(ms);
      } catch (error) {
        errors.set(framework.id, (error as Error).message);
      }
    }
  }
  const results: ColdStartResults = {};
  for (const framework of chosen) {
    const error = errors.get(framework.id);
    const sorted = times.get(framework.id)!.sort((a, b) => a - b);
    results[framework.id] = error || sorted.length === 0 ? { error: error ?? "no runs" } : { medianMs: sorted[Math.floor(sorted.length / 2)]!, minMs: sorted[0]!, runs: sorted.length };
  }
  return results;
}

async function coldStartOnce(file: string, timeoutMs = 15_000): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [file], { env: { ...process.env, PORT: String(port), NODE_ENV: "production" }, stdio: "ignore" });
  try {
    while (performance.now() - started < timeoutMs) {
      if (child.exitCode !== null) throw new Error(`${file} exited with ${child.exitCode}`);
      if ((await tryGet(port)) === 200) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error(`${file} did not answer within ${timeoutMs} ms`);
  } finally {
    child.kill("SIGKILL");
  }
}

function tryGet(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(undefined));
    req.end();
  });
}
