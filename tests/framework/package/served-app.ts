/** Starts a `vial run`/`vial dev` child and reads the address it prints, for tests of the CLI. */
import { spawn, type ChildProcess } from "node:child_process";

export interface ServedApp {
  url: string;
  child: ChildProcess;
  /** Everything the child printed so far. */
  output: () => string;
  stop: () => void;
}

/** Spawns `node <args>` in `cwd` (in its own process group) and waits for ` * Serving … on <url>`. */
export function serveWith(args: string[], cwd: string): Promise<ServedApp> {
  const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = / \* Serving .* on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, child, output: () => output, stop });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code} before serving:\n${output}`)));
  });
}
