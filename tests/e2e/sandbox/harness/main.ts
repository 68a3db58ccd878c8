/**
 * The harness page's script: puts the browser engines and the contract scenarios behind
 * `window.harness`, for Playwright's `page.evaluate` (tests/e2e/sandbox, tests/e2e/webcontainer)
 * and the worker benchmark (bench/sandbox-worker.ts).
 */
import { pickEngine } from "../../../../sandbox/engines/pick";
import type { EngineKind } from "../../../../sandbox/engines/pick";
import { bootWebContainer, createWebContainerSandbox } from "../../../../sandbox/engines/webcontainer/index";
import type { WebContainerSandboxOptions } from "../../../../sandbox/engines/webcontainer/index";
import { createWorkerSandbox } from "../../../../sandbox/engines/worker/index";
import type { WorkerSandboxOptions } from "../../../../sandbox/engines/worker/index";
import type { Sandbox } from "../../../../sandbox/sandbox";
import { contractScenarios } from "../../../sandbox/contract-cases";
import type { ContractTools } from "../../../sandbox/contract-cases";
import { GREETING, PASSING_WORKSPACE } from "../../../sandbox/contract-fixtures";
import { cookieScenarios } from "../../../sandbox/cookie-cases";
import { browserScenarios } from "./browser-cases";

const scenarios = [...contractScenarios, ...cookieScenarios, ...browserScenarios];

const pageFetch: ContractTools = {
  async fetch(url) {
    // WebContainer previews live on StackBlitz's origin, which the page may not fetch (CORS):
    // their tests expose a function that opens the URL in a tab of its own instead.
    if (window.harnessFetch) return window.harnessFetch(url);
    const response = await fetch(url);
    return { status: response.status, text: await response.text() };
  },
};

let current: Sandbox | undefined;

function sandbox(): Sandbox {
  if (!current) throw new Error("Call harness.create() first.");
  return current;
}

const harness = {
  /** Registers the harness's Service Worker and waits until it controls this page. */
  async ready(): Promise<void> {
    await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  },

  /** Replaces the current sandbox with a new one of the given engine. */
  async create(kind: "worker" | "webcontainer", options: WorkerSandboxOptions & WebContainerSandboxOptions = {}): Promise<void> {
    await current?.dispose();
    current = kind === "worker" ? createWorkerSandbox(options) : createWebContainerSandbox(options);
  },

  /** The names of every scenario this page can run. */
  names(): string[] {
    return scenarios.map((scenario) => scenario.name);
  },

  /** Runs one scenario on the current sandbox; rejects with the scenario's failure. */
  async run(name: string): Promise<void> {
    const scenario = scenarios.find((candidate) => candidate.name === name);
    if (!scenario) throw new Error(`No scenario named ${JSON.stringify(name)}.`);
    await scenario.run(sandbox(), pageFetch);
  },

  /** The current sandbox, for ad-hoc calls from a test. */
  sandbox,

  /** Picks an engine as the site does, for this page. */
  async pick(timeoutMs: number, preferred: EngineKind | null = null): Promise<{ kind: EngineKind; reason: string; isolated: boolean }> {
    const choice = await pickEngine({ crossOriginIsolated, bootWebContainer: () => bootWebContainer({ timeoutMs }), timeoutMs, preferred });
    return { kind: choice.kind, reason: choice.reason, isolated: crossOriginIsolated };
  },

  /**
   * Times write() → finished grade report, `runs` times after `warmup` untimed runs; each
   * write changes the greeting so every run grades new code. `idleMs` waits (untimed) between
   * runs, as a learner pauses between edits.
   */
  async bench(runs: number, warmup = 2, idleMs = 0): Promise<number[]> {
    const box = sandbox();
    await box.load(PASSING_WORKSPACE);
    const times: number[] = [];
    for (let index = 0; index < warmup + runs; index++) {
      if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
      const started = performance.now();
      await box.write("greeting.ts", GREETING.replace("Hello from Vial", `Hello from Vial, run ${index}`));
      const report = await box.check();
      const elapsed = performance.now() - started;
      if (report.status !== "pass") throw new Error(`The benchmark's workspace should pass: ${JSON.stringify(report)}`);
      if (index >= warmup) times.push(elapsed);
    }
    return times;
  },
};

declare global {
  interface Window {
    harness: typeof harness;
    /** Set by a test (page.exposeFunction) to fetch preview URLs from outside the page. */
    harnessFetch?: ContractTools["fetch"];
  }
}

window.harness = harness;
