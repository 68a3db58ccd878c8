/**
 * The throughput benchmark. For each scenario every framework gets a fresh server process and is
 * checked for the right answers; then the servers are loaded in turns (see `load.ts`), checked
 * again, their peak memory read, and stopped.
 */
import { FRAMEWORKS, type Framework } from "./frameworks";
import { loadInTurns, type LoadResult, type LoadSettings, type LoadTarget } from "./load";
import { SCENARIOS, verify, type Scenario } from "./scenarios";
import { startServer, type RunningServer } from "./server-process";

/** One framework in one scenario: its numbers, or why it has none. */
export type HttpMeasurement = ({ ok: true; peakRssBytes: number | undefined } & LoadResult) | { ok: false; error: string };

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
    const byFramework = await runScenario(scenario, frameworks, appFiles, settings);
    for (const framework of frameworks) {
      const m = byFramework[framework.id]!;
      log(`  ${scenario.id.padEnd(9)} ${framework.label.padEnd(10)} ${m.ok ? `${Math.round(m.requestsPerSecond)} req/s` : `FAILED: ${m.error}`}`);
    }
    results.push({ scenario, byFramework });
  }
  return results;
}

interface Contender {
  framework: Framework;
  server: RunningServer;
  target: LoadTarget;
}

async function runScenario(
  scenario: Scenario,
  frameworks: readonly Framework[],
  appFiles: Record<Framework["id"], string>,
  settings: LoadSettings,
): Promise<Partial<Record<Framework["id"], HttpMeasurement>>> {
  const byFramework: Partial<Record<Framework["id"], HttpMeasurement>> = {};
  const contenders: Contender[] = [];
  try {
    for (const framework of frameworks) {
      const prepared = await prepare(appFiles[framework.id], scenario);
      if ("error" in prepared) byFramework[framework.id] = { ok: false, error: prepared.error };
      else contenders.push({ framework, ...prepared });
    }
    const results = await loadInTurns(contenders.map((c) => c.target), settings);
    for (const [i, { framework, server, target }] of contenders.entries()) {
      const load = results[i]!;
      // A server that starts failing under load (or answers errors fast) must not count as fast.
      const after = load.failures > 0 ? `${load.failures} of ${load.total} requests failed under load` : await verify(server.url, target.timed).then((wrong) => wrong && `wrong answer after the load: ${wrong}`);
      byFramework[framework.id] = after ? { ok: false, error: after } : { ok: true, peakRssBytes: server.peakRss(), ...load };
    }
  } finally {
    await Promise.all(contenders.map((c) => c.server.stop()));
  }
  return byFramework;
}

/** Starts the server and checks its answers; a server that fails is stopped and reported. */
async function prepare(file: string, scenario: Scenario): Promise<{ server: RunningServer; target: LoadTarget } | { error: string }> {
  let server: RunningServer;
  try {
    server = await startServer(file);
  } catch (error) {
    return { error: `did not start: ${(error as Error).message.split("\n")[0]}` };
  }
  try {
    const timed = await scenario.prepare(server.url);
    const wrong = (await verify(server.url, timed)) ?? (await scenario.probe?.(server.url, timed));
    if (!wrong) return { server, target: { url: server.url, timed, cpuSeconds: server.cpuSeconds } };
    await server.stop();
    return { error: `wrong answer: ${wrong}` };
  } catch (error) {
    await server.stop();
    return { error: (error as Error).message };
  }
}
