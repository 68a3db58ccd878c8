/** Drives one server with autocannon and keeps the numbers the report shows. */
import autocannon from "autocannon";
import type { TimedRequest } from "./scenarios";

/** Connections, duration and warm-up: the same for every framework in a run. */
export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** What one timed run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Requests that errored, timed out or got a status other than 2xx. */
  failures: number;
  total: number;
}

/** Warms the server up, then measures it. */
export async function runLoad(url: string, timed: TimedRequest, settings: LoadSettings): Promise<LoadResult> {
  const options = {
    url: `${url}${timed.path}`,
    method: timed.method,
    headers: timed.headers,
    body: timed.body,
    connections: settings.connections,
    pipelining: 1,
    timeout: 10,
  };
  if (settings.warmupSeconds > 0) await autocannon({ ...options, duration: settings.warmupSeconds });
  const result = await autocannon({ ...options, duration: settings.durationSeconds });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}
