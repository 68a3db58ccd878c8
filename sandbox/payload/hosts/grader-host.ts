/**
 * The grader realm under node (bundled to `.vial/grader-host.mjs`, run as `node
 * .vial/grader-host.mjs --learner=[…]` by the node engine and in WebContainers). It runs the
 * lesson's checks, or serves the preview, against the learner's code in a separate process (the
 * learner host, started with the `--learner` command) that it talks to over a pipe. It alone
 * writes the report: a marked line on its stdout carrying the run's nonce, which never leaves
 * this process. The learner's stdout and stderr pass through as output, never parsed.
 */
import type * as GraderRuntime from "../grader-side/index";
import type { LearnerPort } from "../grader-side/learner-link";
import { createMarker } from "../protocol";
import type { HostEvent, MarkerKind } from "../protocol";
import { CHECKS_PATH } from "../runtime/paths";
import type { Transform } from "../runtime/module-loader";
import { readHostConfig, readLaunchSettings } from "./host-config";
import type { HostConfig, LaunchSettings } from "./host-config";
import { startLearnerProcess } from "./learner-process";
import { loadBundle, readPayloadFile } from "./payload-files";
import { waitForPort } from "./wait-for-port";
import { memoizeTransform } from "./memoize-transform";
import { openDatabase } from "./database-host";
import { lazyDatabase, type SandboxDatabase } from "../grader-side/database";

type VialNode = { core: unknown; node: { serve: (app: unknown, options: { port: number; host: string }) => Promise<unknown> } };
type Loaded = { runtime: typeof GraderRuntime; transform: Transform; vial: VialNode | undefined; checks: string | undefined; database: (() => Promise<SandboxDatabase>) | undefined };

const write = process.stdout.write.bind(process.stdout);
const exit = process.exit.bind(process);
/** How long the learner's files may take to load for the preview. */
const SERVE_LOAD_TIMEOUT_MS = 10_000;

/** Learner hosts: one started with the grader host (warmed up when it is a spare), then fresh ones as the grader asks. */
function learnerStarter(launch: LaunchSettings): { start(): LearnerPort; discardSpare(): void } {
  const spawnOne = (warm: boolean) => {
    const port = startLearnerProcess({
      command: launch.learnerCommand, memoryMb: launch.memoryMb, warm,
      stdout: (chunk) => write(chunk), stderr: (chunk) => process.stderr.write(chunk),
    });
    let alive = true;
    port.onGone(() => (alive = false));
    return { port, alive: () => alive };
  };
  // Started at once, so that node's start-up and the bundles load in both processes side by side.
  let spare: ReturnType<typeof spawnOne> | undefined = spawnOne(launch.warm);
  return {
    start() {
      const taken = spare;
      spare = undefined;
      return taken?.alive() ? taken.port : spawnOne(false).port;
    },
    discardSpare() {
      spare?.port.kill();
      spare = undefined;
    },
  };
}

async function check(config: HostConfig, { runtime, transform, vial, checks, database }: Loaded, learners: ReturnType<typeof learnerStarter>, send: (kind: MarkerKind, payload: unknown, then?: () => void) => void): Promise<void> {
  const zod = checks !== undefined && /["']zod["']/.test(checks) ? await loadBundle("zod.mjs") : undefined;
  const report = await runtime.runGrader({
    host: {
      readFile: (path) => (path === CHECKS_PATH ? checks : undefined),
      modules: { ...(vial ? { vial: vial.core } : {}), ...(zod ? { zod } : {}) },
      transform,
      startLearner: () => learners.start(),
      ...(database ? { database } : {}),
    },
    entry: config.entry, checkTimeoutMs: config.checkTimeoutMs, budgetMs: config.budgetMs, seed: config.seed,
    events: {
      plan: (planned) => send("event", { type: "plan", checks: planned } satisfies HostEvent),
      checkStart: (name) => send("event", { type: "check-start", name } satisfies HostEvent),
      checkEnd: (result) => send("event", { type: "check-end", result } satisfies HostEvent),
    },
  });
  learners.discardSpare();
  send("report", report, () => exit(0));
}

async function serve(config: HostConfig, { runtime, vial, database }: Loaded, learners: ReturnType<typeof learnerStarter>, send: (kind: MarkerKind, payload: unknown, then?: () => void) => void): Promise<void> {
  const port = config.port ?? 0;
  const hostname = config.hostname ?? "127.0.0.1";
  try {
    const remote = await runtime.loadRemoteApp({ startLearner: () => learners.start(), entry: config.entry, loadTimeoutMs: SERVE_LOAD_TIMEOUT_MS, ...(database ? { database } : {}) });
    void remote.gone.then((reason) => {
      process.stderr.write(`\nYour app stopped: ${reason}\n`);
      exit(1);
    });
    await vial!.node.serve(remote.app, { port, host: hostname });
    await waitForPort(port, hostname, Date.now() + 5000);
  } catch (error) {
    send("event", { type: "serve-error", message: error instanceof Error ? error.message : String(error) } satisfies HostEvent, () => exit(1));
    return;
  }
  send("event", { type: "ready", url: `http://${hostname}:${port}/` } satisfies HostEvent);
}

async function main(): Promise<void> {
  const launch = readLaunchSettings(process.argv.slice(2));
  // A warm spare starts its learner host and loads the bundles while the settings are awaited.
  const learners = learnerStarter(launch);
  const checks = readPayloadFile(CHECKS_PATH);
  // The lesson's database starts on first use; a spare for a lesson whose checks use one starts it now.
  const source = launch.database;
  const database = source ? lazyDatabase(() => openDatabase(source)) : undefined;
  if (database && launch.warm && checks !== undefined && /\bdatabase\./.test(checks)) database().catch(() => {});
  // The grader's own vial is for checks that import it (and the preview's server): loaded only then.
  let vial: Promise<VialNode> | undefined = checks !== undefined && /["']vial["']|\.testClient\(/.test(checks) ? (loadBundle("vial-node.mjs") as Promise<VialNode>) : undefined;
  const loading = Promise.all([loadBundle("grader-runtime.mjs"), loadBundle("sucrase.mjs"), vial]) as Promise<[typeof GraderRuntime, { transform: Transform }, VialNode | undefined]>;
  // A spare compiles the lesson's checks ahead: they do not change between edits.
  const prepared = loading.then(([runtime, sucrase]) => {
    const transform = memoizeTransform(sucrase.transform);
    if (launch.warm && checks !== undefined) runtime.checksImports(checks, transform);
    return { runtime, transform, checks };
  });
  prepared.catch(() => {});
  const config = await readHostConfig();
  if (config.mode === "serve") vial ??= loadBundle("vial-node.mjs") as Promise<VialNode>;
  // The engine's clock runs from here: time spent finishing the warm-up comes off the budget.
  const received = Date.now();
  const send = (kind: MarkerKind, payload: unknown, then?: () => void) => {
    write(createMarker(config.nonce, kind, payload), then);
  };
  const loaded = { ...(await prepared), vial: await vial, database };
  // At least half of it is kept, so that a busy machine still gets a real run rather than none.
  const budgetMs = config.budgetMs === undefined ? undefined : Math.max(config.budgetMs / 2, config.budgetMs - (Date.now() - received));
  if (config.mode === "check") await check({ ...config, budgetMs }, loaded, learners, send);
  else await serve(config, loaded, learners, send);
}

main().catch((error: unknown) => {
  console.error("The sandbox could not run the checks:", error);
  exit(70);
});
