/**
 * Lighthouse on two production builds side by side, for a before/after on a shared machine: both
 * builds are served at once (`next start` in each worktree) and audited in turn, page by page,
 * the order swapped every run (before-after, then after-before), so load that comes and goes
 * falls on both alike. Each row gives the medians and the load average seen during its runs.
 *
 *   npx tsx bench/site/lighthouse-compare.ts --before ../wt-old --after . [--runs 3] [--screen phone|laptop] [--port 4152] [--after-port 4153] [--paths /,/learn]
 *
 * Both worktrees need `npm run build` first. The pages are those `npm run bench` audits, unless --paths.
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { LIGHTHOUSE_HEADERS, lighthouseCells } from "../report/lighthouse-table";
import { auditOnce, DEFAULT_CHROME, lighthousePages, startChrome, startSite, summarize, type PageAudit, type RunNumbers, type Screen } from "./lighthouse";

export type Build = "before" | "after";

/** One audit of the plan: which run, which page, which build. */
export interface Turn {
  run: number;
  path: string;
  build: Build;
}

/**
 * The order of the audits: every page in both builds each run, the builds' order swapped from run to run.
 *
 * @example
 * alternation(["/"], 2); // before, after (run 1), after, before (run 2)
 */
export function alternation(paths: readonly string[], runs: number): Turn[] {
  const turns: Turn[] = [];
  for (let run = 1; run <= runs; run++) {
    const order: Build[] = run % 2 ? ["before", "after"] : ["after", "before"];
    for (const path of paths) for (const build of order) turns.push({ run, path, build });
  }
  return turns;
}

/**
 * The before/after table: a row per page and build, with the load average (lowest-highest) seen
 * when its runs began.
 *
 * @example
 * compareMarkdown([{ build: "before", audit, loads: [3.1, 4.2, 2.8] }]);
 */
export function compareMarkdown(rows: ReadonlyArray<{ build: Build; audit: PageAudit; loads: readonly number[] }>): string {
  const headers = [LIGHTHOUSE_HEADERS[0], "Build", ...LIGHTHOUSE_HEADERS.slice(1), "Load average"];
  const lines = rows.map(({ build, audit, loads }) => {
    const [page, ...rest] = lighthouseCells(audit);
    return `| ${[page, build, ...rest, `${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`].join(" | ")} |`;
  });
  return [`| ${headers.join(" | ")} |`, `| --- | --- | ${headers.slice(2).map(() => "---:").join(" | ")} |`, ...lines].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { before: { type: "string" }, after: { type: "string" }, runs: { type: "string", default: "3" }, screen: { type: "string", default: "phone" }, port: { type: "string", default: "4152" }, "after-port": { type: "string" }, paths: { type: "string" } },
  });
  if (!values.before || !values.after) throw new Error("usage: --before <worktree> --after <worktree> [--runs 3] [--screen phone|laptop] [--port 4152] [--after-port 4153] [--paths /,/learn]");
  const screen = values.screen as Screen;
  if (screen !== "phone" && screen !== "laptop") throw new Error(`--screen is phone or laptop, not "${values.screen}"`);
  const runs = Math.max(1, Number(values.runs));
  const roots: Record<Build, string> = { before: resolve(values.before), after: resolve(values.after) };
  // The after build on the next port unless told (on a shared machine the ports one may use need not be neighbours).
  const ports: Record<Build, number> = { before: Number(values.port), after: Number(values["after-port"] ?? Number(values.port) + 1) };
  // The pages `npm run bench` audits, or --paths (the lessons of the two builds may differ).
  const paths = values.paths ? values.paths.split(",") : await lighthousePages(roots.after);
  // Lighthouse can leave a protocol time-out's rejection behind on a busy machine; that run has
  // failed already (and is reported), so the others go on.
  process.on("unhandledRejection", (error) => console.error(`  Lighthouse left behind: ${error instanceof Error ? error.message : String(error)}`));
  const servers = [await startSite(roots.before, ports.before), await startSite(roots.after, ports.after)];
  const chrome = await startChrome(DEFAULT_CHROME);
  const results = new Map<string, { runs: RunNumbers[]; loads: number[] }>();
  try {
    for (const turn of alternation(paths, runs)) {
      const key = `${turn.path}\n${turn.build}`;
      const entry = results.get(key) ?? { runs: [], loads: [] };
      results.set(key, entry);
      const load = loadavg()[0]!;
      console.error(`run ${turn.run}: ${turn.path} ${turn.build} (load ${load.toFixed(1)})`);
      try {
        entry.runs.push(await auditOnce(`http://127.0.0.1:${ports[turn.build]}${turn.path}`, chrome.port, screen));
        entry.loads.push(load);
      } catch (error) {
        console.error(`  failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await chrome.stop();
    for (const server of servers) {
      try {
        process.kill(-server.pid!, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  }
  const rows = [...results].filter(([, entry]) => entry.runs.length > 0).map(([key, entry]) => {
    const [path, build] = key.split("\n") as [string, Build];
    return { build, audit: summarize(path, entry.runs), loads: entry.loads };
  });
  console.log(`Lighthouse ${screen} run, before = ${values.before}, after = ${values.after}, medians of ${runs} runs:\n`);
  console.log(compareMarkdown(rows));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
