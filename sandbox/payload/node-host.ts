/**
 * The payload's entry for engines that run `node` (the node engine, WebContainers): bundled to
 * `.vial/node-host.mjs` and run as `node .vial/node-host.mjs`, with its settings on stdin.
 *
 * The run's nonce arrives on stdin (or in VIAL_HOST_CONFIG, deleted on arrival) and is read,
 * and the real stdout writer and `process.exit` are kept, before any learner code loads, so
 * the learner's code cannot forge the report.
 */
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMarker } from "./protocol";
import type { HostEvent, MarkerKind } from "./protocol";
import type * as Runtime from "./runtime/index";
import type { Transform } from "./runtime/module-loader";

/** What the engine sends on stdin. */
export interface HostConfig {
  nonce: string;
  mode: "check" | "serve";
  entry?: string;
  checkTimeoutMs?: number;
  budgetMs?: number;
  port?: number;
  hostname?: string;
  /** Replays a run's randomised fixtures (see the report's `seed`). */
  seed?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The run's settings: from stdin (node engine), or from VIAL_HOST_CONFIG where writing to a
 * process's stdin is unreliable (WebContainers). The variable is deleted before any learner
 * code loads, so `process.env` does not give the nonce away. (On Linux /proc/self/environ
 * would, which is why the node engine uses stdin.)
 */
async function readSettings(): Promise<string> {
  const fromEnv = process.env.VIAL_HOST_CONFIG;
  if (fromEnv === undefined) return readStdin();
  delete process.env.VIAL_HOST_CONFIG;
  return fromEnv;
}

function readPayloadFile(path: string): string | undefined {
  try {
    return readFileSync(join(root, path), "utf8");
  } catch {
    return undefined;
  }
}

/** True when any learner file or the checks import zod, which is large enough to load only on demand. */
function payloadImports(name: string): boolean {
  const pattern = new RegExp(`["']${name}["']`);
  const scan = (dir: string): boolean =>
    readdirSync(join(root, dir), { withFileTypes: true }).some((entry) => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name !== "node_modules" && entry.name !== ".vial" && scan(path);
      return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) && pattern.test(readPayloadFile(path) ?? "");
    });
  return scan("") || pattern.test(readPayloadFile(".vial/checks.ts") ?? "");
}

/** The first stack frame in a learner file (their files carry relative names like "app.ts"). */
function learnerFrame(stack: string | undefined): string | undefined {
  for (const line of (stack ?? "").split("\n").slice(1)) {
    const match = /\(?([^\s()]+?):(\d+):(\d+)\)?\s*$/.exec(line.trim());
    if (match && !match[1]!.includes(":") && !match[1]!.startsWith("/") && !match[1]!.startsWith("<")) {
      return `${match[1]}:${match[2]}:${match[3]}`;
    }
  }
  return undefined;
}

function waitForPort(port: number, hostname: string, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, hostname, () => {
        socket.destroy();
        resolve();
      });
      socket.on("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Nothing answered on ${hostname}:${port}.`));
        else setTimeout(attempt, 20);
      });
    };
    attempt();
  });
}

type VialNode = { core: unknown; node: { serve: (app: unknown, options: { port: number; host: string }) => unknown } };

// Kept before anything else runs: learner code may replace them, the report must not care.
const write = process.stdout.write.bind(process.stdout);
const exit = process.exit.bind(process);

const load = (name: string) => import(new URL(name, import.meta.url).href);

/** A tiny lesson graded once by a warm spare, so the learner's run finds the code paths compiled. */
const WARM_UP_FILES: Record<string, string> = {
  "app.ts": `import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/users/<int:id>", (req) => ({ id: req.params.id }));\n`,
  ".vial/checks.ts": `import { check, expect, http } from "grader";\nimport { app } from "./app";\ncheck("warm", async () => {\n  expect((await http(app).get("/users/1")).json()).toEqual({ id: 1 });\n});\n`,
};

async function warmUp([runtime, sucrase, vial]: [typeof Runtime, { transform: Transform }, VialNode]): Promise<void> {
  const host = { readFile: (path: string) => WARM_UP_FILES[path], modules: { vial: vial.core }, transform: sucrase.transform };
  await runtime.runChecks({ host, checkTimeoutMs: 2000 });
}

async function main(): Promise<void> {
  // The bundles load while the settings are awaited: a warm spare (--warm) has them ready
  // before it is given a run. They are not learner code, so the nonce stays unseen by them too.
  const loading = Promise.all([load("./runtime.mjs"), load("./sucrase.mjs"), load("./vial-node.mjs")]);
  loading.catch(() => {}); // awaited below; a failure is reported there
  const warm = process.argv.includes("--warm");
  const zodAhead = warm ? load("./zod.mjs") : undefined;
  zodAhead?.catch(() => {});
  const warmedUp = warm ? loading.then((modules) => warmUp(modules as Parameters<typeof warmUp>[0])).catch(() => {}) : undefined;
  const config = JSON.parse(await readSettings()) as HostConfig;
  const send = (kind: MarkerKind, payload: HostEvent | unknown, then?: () => void) =>
    write(createMarker(config.nonce, kind, payload), then);

  process.exit = ((code?: number | string | null) => {
    const at = learnerFrame(new Error().stack);
    send("event", { type: "exit", code: Number(code ?? 0), ...(at ? { at } : {}) } satisfies HostEvent, () => exit(code ?? 0));
    // Stop the learner's code right here, as a real exit would, while the marker drains.
    throw new Error("process.exit() was called");
  }) as typeof process.exit;
  // Stray async errors in learner code go to the output panel instead of ending the run.
  process.on("uncaughtException", (error) => console.error("Uncaught error:", error));
  process.on("unhandledRejection", (error) => console.error("Unhandled promise rejection:", error));

  const [runtime, sucrase, vial] = (await loading) as [typeof Runtime, { transform: Transform }, VialNode];
  await warmedUp;
  const zod: unknown = payloadImports("zod") ? await (zodAhead ?? load("./zod.mjs")) : undefined;
  const host = {
    readFile: readPayloadFile,
    modules: { vial: vial.core, "vial/node": vial.node, ...(zod ? { zod } : {}) },
    transform: sucrase.transform,
  };

  if (config.mode === "check") {
    const report = await runtime.runChecks({
      host, entry: config.entry, checkTimeoutMs: config.checkTimeoutMs, budgetMs: config.budgetMs, seed: config.seed,
      events: {
        plan: (checks) => send("event", { type: "plan", checks } satisfies HostEvent),
        checkStart: (name) => send("event", { type: "check-start", name } satisfies HostEvent),
        checkEnd: (result) => send("event", { type: "check-end", result } satisfies HostEvent),
      },
    });
    send("report", report, () => exit(0));
    return;
  }

  const port = config.port ?? 0;
  const hostname = config.hostname ?? "127.0.0.1";
  try {
    const app = runtime.loadApp({ host, entry: config.entry });
    await vial.node.serve(app, { port, host: hostname });
    await waitForPort(port, hostname, Date.now() + 5000);
  } catch (error) {
    send("event", { type: "serve-error", message: error instanceof Error ? error.message : String(error) } satisfies HostEvent, () => exit(1));
    return;
  }
  send("event", { type: "ready", url: `http://${hostname}:${port}/` } satisfies HostEvent);
}

main().catch((error: unknown) => {
  console.error("The sandbox could not run:", error);
  exit(70);
});
