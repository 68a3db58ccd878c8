/**
 * The throughput benchmark: for each scenario, each framework in turn gets a fresh server
 * process, is checked for the right answers, warmed up, loaded, and its peak memory read.
 */
import { FRAMEWORKS, type Framework } from "./frameworks";
import { runLoad, type LoadResult, type LoadSettings } from "./load";
import { SCENARIOS, verify, type Scenario } from "./scenarios";
import { startServer } from "./server-process";

/** One framework in one scenario: its numbers, or why it has none. */
export type HttpMeasurement =
  | ({ ok: true; peakRssBytes: number | undefined } & LoadResult)
  | { ok: false; error: string };

/** Every scenario's measurements, by framework id. */
export type HttpResults = Array<{ scenario: Scenario; byFramework: Partial<Record<Framework["id"], HttpMeasurement>> }>;

/** Runs the chosen scenarios against the chosen frameworks; `log` reports progress. */
export async function runHttpBenchmarks(
  appFiles: Record<Framework["id"], string>,
  settings: LoadSettings,
  choose: { scenarios?: string[]; frameworks?: string[] },
  log: (line: string) => void,
): Promise<HttpResults> {
  const scenarios = SCENARIOS.filter((s) => !choose.scenarios || choose.scenarios.includes(s.id));
  const frameworks = FRAMEWORKS.filter((f) => !choose.frameworks || choose.frameworks.includes(f.id));
  const results: HttpResults = [];
  for (const scenario of scenarios) {
    const byFramework: Partial<Record<Framework["id"], HttpMeasurement>> = {};
    for (const framework of frameworks) {
      byFramework[framework.id] = await measure(appFiles[framework.id], scenario, settings);
      const m = byFramework[framework.id]!;
      log(`  ${scenario.id.padEnd(9)} ${framework.label.padEnd(10)} ${m.ok ? `${Math.round(m.requestsPerSecond)} req/s` : `FAILED: ${m.error}`}`);
    }
    results.push({ scenario, byFramework });
  }
  return results;
}

async function measure(file: string, scenario: Scenario, settings: LoadSettings): Promise<HttpMeasurement> {
  let server;
  try {
    server = await startServer(file);
  } catch (error) {
    return { ok: false, error: `did not start: ${(error as Error).message.split("\n")[0]}` };
  }
  try {
    const timed = await scenario.prepare(server.url);
    const wrong = (await verify(server.url, timed)) ?? (await scenario.probe?.(server.url, timed));
    if (wrong) return { ok: false, error: `wrong answer: ${wrong}` };
    const load = await runLoad(server.url, timed, settings);
    // A server that starts failing under load (or answers errors fast) must not count as fast.
    if (load.failures > 0) return { ok: false, error: `${load.failures} of ${load.total} requests failed under load` };
    const after = await verify(server.url, timed);
    if (after) return { ok: false, error: `wrong answer after the load: ${after}` };
    return { ok: true, peakRssBytes: server.peakRss(), ...load };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    await server.stop();
  }
}
