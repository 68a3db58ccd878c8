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

/** Starts each framework `runs` times (after one unmeasured start that warms the disk cache). */
export async function measureColdStarts(appFiles: Record<Framework["id"], string>, runs: number, frameworks?: string[]): Promise<ColdStartResults> {
  const results: ColdStartResults = {};
  for (const framework of FRAMEWORKS.filter((f) => !frameworks || frameworks.includes(f.id))) {
    try {
      await coldStartOnce(appFiles[framework.id]);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await coldStartOnce(appFiles[framework.id]));
      times.sort((a, b) => a - b);
      results[framework.id] = { medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, runs };
    } catch (error) {
      results[framework.id] = { error: (error as Error).message };
    }
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
