/**
 * Compares versions of Vial (and, for reference, the other frameworks) on chosen scenarios, all
 * in one interleaved run: how each hot-path change was measured before and after.
 *
 *   tsx bench/profile/compare.ts --variants head,work [--with node-http,fastify] [--scenarios text,json] [--duration 10]
 *
 * A variant is `work` (framework/src as it is now), `head` or any git revision (its
 * framework/src, extracted with `git archive`), or a path to a copy of framework/src.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCache, buildApp } from "../http/build-apps";
import { FRAMEWORKS, type Framework } from "../http/frameworks";
import { loadInTurns } from "../http/load";
import { SCENARIOS, verify } from "../http/scenarios";
import { startServer, type RunningServer } from "../http/server-process";
import { format } from "../report/table";

const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1]! : fallback;
};
const variants = arg("variants", "head,work").split(",");
const others = arg("with", "").split(",").filter(Boolean) as Array<Framework["id"]>;
const scenarioIds = arg("scenarios", SCENARIOS.map((s) => s.id).join(",")).split(",");
const settings = { connections: Number(arg("connections", "50")), durationSeconds: Number(arg("duration", "10")), warmupSeconds: Number(arg("warmup", "1")) };

/** framework/src of a variant, as a directory esbuild can alias `vial` to. */
function sourceOf(variant: string): string {
  if (variant === "work") return join(repoRoot, "framework/src");
  if (existsSync(variant)) return resolve(variant);
  const dir = join(benchCache(repoRoot), "variants", variant.replace(/[^\w.-]/g, "_"));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync("git", ["archive", variant === "head" ? "HEAD" : variant, "framework/src"], { cwd: repoRoot });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  return join(dir, "framework/src");
}

const entries: Array<{ label: string; file: string }> = [];
for (const id of others) entries.push({ label: FRAMEWORKS.find((f) => f.id === id)?.label ?? id, file: join(benchCache(repoRoot), `cmp-${id}.mjs`) });
for (const entry of entries) await buildApp(repoRoot, others[entries.indexOf(entry)]!, entry.file);
for (const variant of variants) {
  const file = join(benchCache(repoRoot), `cmp-vial-${variant.replace(/[^\w.-]/g, "_")}.mjs`);
  await buildApp(repoRoot, "vial", file, sourceOf(variant));
  entries.push({ label: `Vial ${variant}`, file });
}

console.log(`${settings.connections} connections, ${settings.durationSeconds} s each in 1 s turns`);
for (const scenario of SCENARIOS.filter((s) => scenarioIds.includes(s.id))) {
  const servers: RunningServer[] = [];
  try {
    const targets = [];
    for (const entry of entries) {
      const server = await startServer(entry.file);
      servers.push(server);
      const timed = await scenario.prepare(server.url);
      const wrong = await verify(server.url, timed);
      if (wrong) throw new Error(`${entry.label}: ${wrong}`);
      targets.push({ url: server.url, timed, cpuSeconds: server.cpuSeconds });
    }
    const results = await loadInTurns(targets, settings);
    const first = results[0]!.requestsPerSecond;
    console.log(`\n${scenario.label}`);
    results.forEach((r, i) => {
      const failures = r.failures ? `  (${r.failures} failed)` : "";
      console.log(`  ${entries[i]!.label.padEnd(16)} ${format.int(r.requestsPerSecond).padStart(8)} req/s  ${format.ratio(r.requestsPerSecond / first)}  p50 ${r.latencyP50Ms} ms  p99 ${r.latencyP99Ms} ms  CPU ${r.cpuMicrosPerRequest?.toFixed(0) ?? "?"} µs/req${failures}`);
    });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
