/**
 * How the grader host (node only) receives its runs. Apart from host-config.ts, which browser
 * code also imports for the launch arguments.
 */
import { createInterface } from "node:readline";
import type { HostConfig } from "./host-config";

/**
 * The runs' settings, one per run: from VIAL_HOST_CONFIG (a single run; deleted on arrival, so no
 * child inherits it), or one JSON line each on stdin until it ends. The node engine keeps a warm
 * grader host and sends it each edit's run as a line; other callers send one line and end stdin.
 *
 * @example
 * for await (const config of readHostConfigs()) await run(config);
 */
export async function* readHostConfigs(): AsyncGenerator<HostConfig> {
  const fromEnv = process.env.VIAL_HOST_CONFIG;
  if (fromEnv !== undefined) {
    delete process.env.VIAL_HOST_CONFIG;
    yield JSON.parse(fromEnv) as HostConfig;
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== "") yield JSON.parse(line) as HostConfig;
  }
}
