// A throwaway Redis for the tests: Debian's redis-server on a free port in a temporary directory,
// with persistence off, stopped after the file's tests. Absent binary: the tests skip, saying so.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";

export const REDIS_SERVER = "/usr/bin/redis-server";

/** Why the Redis tests cannot run here, or `undefined` when they can. */
export const redisUnavailable: string | undefined = existsSync(REDIS_SERVER)
  ? undefined
  : `${REDIS_SERVER} is missing: install Debian's redis-server (.ci/run does) to run the Redis store tests.`;

// Said once per test file that imports this, so a skipped Redis suite is never silent.
if (redisUnavailable) console.warn(`Skipping the Redis tests: ${redisUnavailable}`);

export interface ThrowawayRedis {
  url: string;
  client: Redis;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Starts redis-server and connects a client to it. */
export async function startRedis(): Promise<ThrowawayRedis> {
  const directory = await mkdtemp(join(tmpdir(), "vial-redis-"));
  const port = await freePort();
  const child = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitUntilReady(child);
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
