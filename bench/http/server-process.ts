/**
 * One benchmark server in its own child process: started with `node <app>.mjs`, watched for
 * its peak resident memory, and stopped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A server that is listening. */
export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  /** The highest resident set size seen so far, in bytes (`undefined` where it cannot be read). */
  peakRss(): number | undefined;
  /** CPU time (user + system) the process has used so far, in seconds (`undefined` where it cannot be read). */
  cpuSeconds(): number | undefined;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Spawns `node file` on a free port and resolves once it prints `ready`. */
export async function startServer(file: string, { timeoutMs = 15_000 } = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [file], { env: { ...process.env, PORT: String(port), NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${file} did not start within ${timeoutMs} ms`)), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${error.message}\n${stderr}`));
    };
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(`ready ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => fail(new Error(`${file} exited with code ${code} before listening`)));
  });
  return watch(child, `http://127.0.0.1:${port}`);
}

function watch(child: ChildProcess, url: string): RunningServer {
  const pid = child.pid!;
  let peak = readRss(pid)?.rss;
  // VmHWM is the kernel's own peak; sampling VmRSS too covers systems that lack it.
  const sampler = setInterval(() => {
    const rss = readRss(pid)?.rss;
    if (rss !== undefined && (peak === undefined || rss > peak)) peak = rss;
  }, 100);
  sampler.unref();
  const peakRss = () => {
    const read = readRss(pid);
    const candidates = [peak, read?.rss, read?.hwm].filter((value): value is number => value !== undefined);
    return candidates.length ? Math.max(...candidates) : undefined;
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      clearInterval(sampler);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  return { url, pid, peakRss, cpuSeconds: () => readCpuSeconds(pid), stop };
}

/** Current and peak RSS in bytes from /proc (Linux); `undefined` elsewhere. */
function readRss(pid: number): { rss?: number; hwm?: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
      return match ? Number(match[1]) * 1024 : undefined;
    };
    return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
  } catch {
    return undefined;
  }
}

/** utime + stime from /proc/<pid>/stat (Linux), in seconds; clock ticks are 1/100 s there. */
function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
