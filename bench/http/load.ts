/**
 * Drives the servers with autocannon. On a shared machine the background load drifts, so a
 * scenario's time is cut into one-second slices given to the frameworks in turn (rotating who
 * goes first): drift then lands on every framework alike instead of on whoever ran during it.
 */
import autocannon from "autocannon";
import type { TimedRequest } from "./scenarios";

/** Connections, duration and warm-up: the same for every framework in a run. */
export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** What the slices of one framework measured, together. */
export interface LoadResult {
  requestsPerSecond: number;
  /** Medians over the slices (autocannon reports latency at 1 ms resolution). */
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Requests that errored, timed out or got a status other than 2xx. */
  failures: number;
  total: number;
  /**
   * CPU time the server spent per request, in microseconds. Background load on a shared machine
   * moves throughput a lot but this much less, so it is the steadier number for comparisons.
   */
  cpuMicrosPerRequest: number | undefined;
}

/** A server to load, with the request it gets. */
export interface LoadTarget {
  url: string;
  timed: TimedRequest;
  /** The server's CPU time so far in seconds, if it can be read. */
  cpuSeconds?: () => number | undefined;
}

interface Slice {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  failures: number;
  cpuSeconds: number | undefined;
}

const SLICE_SECONDS = 1;

/** Warms each target up, then loads them in rotating one-second slices; results in target order. */
export async function loadInTurns(targets: readonly LoadTarget[], settings: LoadSettings): Promise<LoadResult[]> {
  if (settings.warmupSeconds > 0) for (const target of targets) await slice(target, settings.connections, settings.warmupSeconds);
  const slices: Slice[][] = targets.map(() => []);
  const rounds = Math.max(1, Math.round(settings.durationSeconds / SLICE_SECONDS));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < targets.length; k++) {
      const index = (k + round) % targets.length;
      slices[index]!.push(await slice(targets[index]!, settings.connections, settings.durationSeconds / rounds));
    }
  }
  return slices.map(combine);
}

async function slice({ url, timed, cpuSeconds }: LoadTarget, connections: number, seconds: number): Promise<Slice> {
  const cpuBefore = cpuSeconds?.();
  const result = await autocannon({
    url: `${url}${timed.path}`,
    method: timed.method,
    headers: timed.headers,
    body: timed.body,
    connections,
    pipelining: 1,
    timeout: 10,
    duration: seconds,
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
    cpuSeconds: cpuBefore === undefined ? undefined : (cpuSeconds?.() ?? Number.NaN) - cpuBefore,
  };
}

function combine(slices: Slice[]): LoadResult {
  const total = slices.reduce((sum, s) => sum + s.requests, 0);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  return {
    requestsPerSecond: seconds > 0 ? total / seconds : 0,
    latencyP50Ms: median(slices.map((s) => s.p50)),
    latencyP99Ms: median(slices.map((s) => s.p99)),
    failures: slices.reduce((sum, s) => sum + s.failures, 0),
    total,
    cpuMicrosPerRequest: slices.every((s) => s.cpuSeconds !== undefined && Number.isFinite(s.cpuSeconds)) && total > 0 ? (slices.reduce((sum, s) => sum + s.cpuSeconds!, 0) / total) * 1e6 : undefined,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
