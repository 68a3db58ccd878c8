/**
 * The grader realm under node (bundled to `.vial/grader-host.mjs`, run as `node
 * .vial/grader-host.mjs --learner=[…]` by the node engine and in WebContainers). It runs the
 * lesson's checks, or serves the preview, against the learner's code in a separate process (the
 * learner host, started with the `--learner` command) that it talks to over a pipe. It alone
 * writes the report: a marked line on its stdout carrying the run's nonce, which never leaves
 * this process. The learner's stdout and stderr pass through as output, never parsed.
 *
 * One host may grade several runs (a line of settings each, with a fresh nonce): it is trusted
 * code and keeps nothing of the learner's between them, while every run gets new learner hosts.
 * That saves the node start-up, bundles and warm-up of a second process on every edit.
 */
import type * as GraderRuntime from "../grader-side/index";
import type { LearnerPort } from "../grader-side/learner-link";
import { createMarker } from "../protocol";
import type { HostEvent, MarkerKind } from "../protocol";
import { CHECKS_PATH } from "../runtime/paths";
import type { Transform } from "../runtime/module-loader";
import { readLaunchSettings } from "./host-config";
import { readHostConfigs } from "./read-host-configs";
import type { HostConfig, LaunchSettings } from "./host-config";
import { startLearnerProcess } from "./learner-process";
import { loadBundle, PAYLOAD_ROOT, readPayloadFile } from "./payload-files";
import { waitForPort } from "./wait-for-port";
import { memoizeTransform } from "./memoize-transform";
import { openDatabase, resolveDatabaseSource } from "./database-host";
import { lazyDatabase, type SandboxDatabase } from "../grader-side/database";
import { warmUpGraderSide } from "./warm-up-grader";
import { usesConfigParsers } from "../uses-config-parsers";
import type { ConfigParsers } from "../../grader/config-files";
import { watchUnhandledRejections } from "./unhandled-rejections";
import { vialModules, type VialBundle } from "../vial-modules";

type VialNode = VialBundle & { node: { serve: (app: unknown, options: { port: number; host: string }) => Promise<unknown> } };
type Loaded = { runtime: typeof GraderRuntime; transform: Transform; vial: VialNode | undefined; checks: string | undefined; database: (() => Promise<SandboxDatabase>) | undefined; parsers: ConfigParsers | undefined };

const write = process.stdout.write.bind(process.stdout);
const exit = process.exit.bind(process);
/** How long the learner's files may take to load for the preview. */
const SERVE_LOAD_TIMEOUT_MS = 10_000;

/**
 * Learner hosts: one started with the grader host (warmed up when it is a spare), fresh ones as
 * the grader asks, and a warm one for the next run. Each run's learners die with the run.
 */
function learnerStarter(launch: LaunchSettings): { start(): LearnerPort; discardSpare(): void; refill(): void } {
  const spawnOne = (warm: boolean) => {
    const port = startLearnerProcess({
      command: launch.learnerCommand, memoryMb: launch.memoryMb, warm, osSignals: launch.osSignals === true,
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
    /** After a run, when another may follow: a warm learner host for it. */
    refill() {
      if (!spare?.alive()) spare = spawnOne(true);
    },
  };
}

async function check(config: HostConfig, { runtime, transform, vial, checks, database, parsers }: Loaded, learners: ReturnType<typeof learnerStarter>, send: (kind: MarkerKind, payload: unknown, then?: () => void) => void, rejections: ReturnType<typeof watchUnhandledRejections>): Promise<unknown> {
  const zod = checks !== undefined && /["']zod["']/.test(checks) ? await loadBundle("zod.mjs") : undefined;
  const report = await runtime.runGrader({
    host: {
      readFile: (path) => (path === CHECKS_PATH ? checks : undefined),
      modules: { ...(vial ? vialModules(vial) : {}), ...(zod ? { zod } : {}) },
      transform,
      startLearner: () => learners.start(),
      ...(database ? { database } : {}),
      ...(parsers ? { parsers } : {}),
    },
    entry: config.entry, checkTimeoutMs: config.checkTimeoutMs, budgetMs: config.budgetMs, seed: config.seed,
    stopAtFirstFailure: config.stopAtFirstFailure === true,
    revealConcealed: config.revealConcealed === true,
    events: {
      plan: (planned) => send("event", { type: "plan", checks: planned } satisfies HostEvent),
      checkStart: (name) => send("event", { type: "check-start", name } satisfies HostEvent),
      checkEnd: (result) => send("event", { type: "check-end", result } satisfies HostEvent),
    },
  });
  learners.discardSpare();
  return rejections.settle(report);
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
  // First: a rejection left by a check must not end this host (and with it the next run).
  const rejections = watchUnhandledRejections(process);
  // A warm spare starts its learner host and loads the bundles while the settings are awaited.
  const learners = learnerStarter(launch);
  const checks = readPayloadFile(CHECKS_PATH);
  // The lesson's database starts on first use; a spare for a lesson whose checks use one starts it now.
  const source = launch.database && resolveDatabaseSource(launch.database, PAYLOAD_ROOT);
  const database = source ? lazyDatabase(() => openDatabase(source)) : undefined;
  if (database && launch.warm && checks !== undefined && /\bdatabase\./.test(checks)) database().catch(() => {});
  // The grader's own vial is for checks that import it (and the preview's server): loaded only then.
  let vial: Promise<VialNode> | undefined = checks !== undefined && /["']vial(?:\/[a-z]+)?["']|\.testClient\(/.test(checks) ? (loadBundle("vial-node.mjs") as Promise<VialNode>) : undefined;
  // The config parsers are for checks that use `parse`; loaded before the checks run, which call them as they load.
  const parsers = checks !== undefined && usesConfigParsers(checks) ? loadBundle("config-parsers.mjs") : undefined;
  const loading = Promise.all([loadBundle("grader-runtime.mjs"), loadBundle("sucrase.mjs"), vial, parsers]) as Promise<[typeof GraderRuntime, { transform: Transform }, VialNode | undefined, { parse: ConfigParsers } | undefined]>;
  // A spare compiles the lesson's checks ahead (they do not change between edits) and grades a
  // fixed lesson of ours, so the real run finds the grader's code paths compiled.
  const prepared = loading.then(([runtime, sucrase, , parsers]) => {
    const transform = memoizeTransform(sucrase.transform);
    if (launch.warm && checks !== undefined) runtime.checksImports(checks, transform);
    return { runtime, transform, checks, parsers: parsers?.parse };
  }).then(async (prepared) => {
    if (launch.warm) await warmUpGraderSide(prepared.runtime, prepared.transform);
    return prepared;
  });
  prepared.catch(() => {});
  let graded = false;
  for await (const config of readHostConfigs()) {
    if (config.mode === "serve") vial ??= loadBundle("vial-node.mjs") as Promise<VialNode>;
    // The engine's clock runs from here: time spent finishing the warm-up comes off the budget.
    const received = Date.now();
    const send = (kind: MarkerKind, payload: unknown, then?: () => void) => {
      write(createMarker(config.nonce, kind, payload), then);
    };
    const loaded = { ...(await prepared), vial: await vial, database };
    if (config.mode === "serve") {
      await serve(config, loaded, learners, send);
      return; // the preview serves until it is stopped; nothing else runs beside it
    }
    // At least half of it is kept, so that a busy machine still gets a real run rather than none.
    const budgetMs = config.budgetMs === undefined ? undefined : Math.max(config.budgetMs / 2, config.budgetMs - (Date.now() - received));
    // What an earlier run's app left in the database goes before this run's app loads.
    if (graded && database?.started()) await database().then((opened) => opened.wipe()).catch(() => {});
    const report = await check({ ...config, budgetMs }, loaded, learners, send, rejections);
    graded = true;
    await new Promise<void>((resolve) => send("report", report, resolve));
    // Another run may follow (the engine keeps this host while the learner edits): its learner
    // host warms up now. Deferred, so input that has ended stops the loop first.
    setImmediate(() => learners.refill());
  }
  learners.discardSpare();
  exit(0);
}

main().catch((error: unknown) => {
  console.error("The sandbox could not run the checks:", error);
  exit(70);
});
