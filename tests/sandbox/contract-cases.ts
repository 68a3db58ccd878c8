/**
 * The sandbox contract (DESIGN.md section 3) as runner-agnostic scenarios: each is a name and
 * an async function taking a loaded-or-not `Sandbox` and a few tools, throwing on failure. The
 * vitest runner (node-engine.test.ts) and a Playwright runner (worker, webcontainer engines)
 * both drive the same list; nothing here imports a test framework.
 *
 * Every scenario starts with its own load(), and every error scenario ends by proving the
 * sandbox still grades a good workspace.
 */
import type { GradeReport } from "../../sandbox/report";
import type { Sandbox } from "../../sandbox/sandbox";
import { APPENDED_LINE, BROKEN, FAILING_APP, FAILING_WORKSPACE, GREETING, PASSING_APP, PASSING_WORKSPACE } from "./contract-fixtures";

/** What a runner provides besides the sandbox. */
export interface ContractTools {
  /** Fetches a preview URL the way a learner's browser would (Node fetch, or fetch in the page). */
  fetch(url: string): Promise<{ status: number; text: string }>;
}

export interface ContractScenario {
  name: string;
  /** Takes about one run time limit (a run that must be killed). */
  slow?: boolean;
  run(sandbox: Sandbox, tools: ContractTools): Promise<void>;
}

class ContractFailure extends Error {
  override name = "ContractFailure";
}

function assert(condition: unknown, message: string, report?: GradeReport): asserts condition {
  if (!condition) throw new ContractFailure(report ? `${message}\nReport: ${JSON.stringify(report, null, 2)}` : message);
}

function assertStatus(report: GradeReport, status: GradeReport["status"]): void {
  assert(report.status === status, `expected the report's status to be "${status}", got "${report.status}"`, report);
}

function assertMessage(report: GradeReport, pattern: RegExp): void {
  assert(pattern.test(report.message ?? ""), `expected the report's message to match ${pattern}`, report);
}

/** The sandbox still grades a good workspace after whatever went wrong before. */
async function assertRecovers(sandbox: Sandbox): Promise<void> {
  await sandbox.write("app.ts", PASSING_APP);
  await sandbox.write("greeting.ts", GREETING);
  const report = await sandbox.check();
  assert(report.status === "pass", "the sandbox should grade a good workspace again after an error", report);
}

/** An error scenario: load the good lesson, write the broken app, check, assert, recover. */
function errorScenario(name: string, app: string, assertReport: (report: GradeReport) => void, slow = false): ContractScenario {
  return {
    name, slow,
    async run(sandbox) {
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.write("app.ts", app);
      const report = await sandbox.check();
      assertReport(report);
      await assertRecovers(sandbox);
    },
  };
}

/** Reads `output` until `text` shows up or the time is up. */
async function waitForOutput(sandbox: Sandbox, text: string, action: () => Promise<unknown>, ms = 10_000): Promise<string> {
  const iterator = sandbox.output[Symbol.asyncIterator]();
  let seen = "";
  const reading = (async () => {
    while (!seen.includes(text)) {
      const next = await iterator.next();
      if (next.done) break;
      seen += next.value;
    }
  })();
  await action();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([reading, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
  await iterator.return?.();
  return seen;
}

export const contractScenarios: ContractScenario[] = [
  {
    name: "a passing workspace passes every check",
    async run(sandbox) {
      await sandbox.load(PASSING_WORKSPACE);
      const report = await sandbox.check();
      assertStatus(report, "pass");
      assert(report.checks.length === 2, "both checks are reported", report);
      assert(report.checks.every((c) => c.status === "pass"), "every check passes", report);
      assert(report.checks.map((c) => c.task).join() === "1,2", "checks carry their task numbers", report);
      assert(typeof report.durationMs === "number" && report.durationMs >= 0, "the report has a duration", report);
    },
  },
  {
    name: "a failing workspace fails, with the hint and the request and response behind the failure",
    async run(sandbox) {
      await sandbox.load(FAILING_WORKSPACE);
      const report = await sandbox.check();
      assertStatus(report, "fail");
      const [first, second] = report.checks;
      assert(first?.status === "pass", "task 1 still passes", report);
      assert(second?.status === "fail", "task 2 fails", report);
      assert(second.hint === "Use the <int:id> converter and return an object.", "the failing check carries its hint", report);
      assert(/status of GET \/users\/7: expected 200, got 404/.test(second.message ?? ""), "the message says what was expected and what came back", report);
      assert(second.trace?.request.method === "GET" && second.trace.request.path === "/users/7", "the trace shows the request", report);
      assert(second.trace.response.status === 404, "the trace shows the response status", report);
    },
  },
  {
    name: "write() changes what the next check sees",
    async run(sandbox) {
      await sandbox.load(FAILING_WORKSPACE);
      assertStatus(await sandbox.check(), "fail");
      await sandbox.write("app.ts", PASSING_APP);
      assertStatus(await sandbox.check(), "pass");
      await sandbox.write("app.ts", FAILING_APP);
      assertStatus(await sandbox.check(), "fail");
    },
  },
  {
    name: "write() can add a file that an import needs",
    async run(sandbox) {
      await sandbox.load({ ...PASSING_WORKSPACE, files: { "app.ts": PASSING_APP } });
      const missing = await sandbox.check();
      assertStatus(missing, "error");
      assertMessage(missing, /app\.ts:2.*\.\/greeting/);
      await sandbox.write("greeting.ts", GREETING);
      assertStatus(await sandbox.check(), "pass");
    },
  },
  {
    name: "write() refuses paths outside the workspace",
    async run(sandbox) {
      await sandbox.load(PASSING_WORKSPACE);
      for (const path of ["../escape.ts", "/etc/passwd", ".vial/checks.ts"]) {
        const refused = await sandbox.write(path, "export {};").then(() => false, () => true);
        assert(refused, `write("${path}") should be refused`);
      }
      assertStatus(await sandbox.check(), "pass");
    },
  },
  errorScenario("a compile error is an error naming file and line", BROKEN.compileError, (report) => {
    assertStatus(report, "error");
    assertMessage(report, new RegExp(`app\\.ts:${APPENDED_LINE}\\b`));
    assertMessage(report, /syntax/i);
  }),
  errorScenario("a throw while loading is an error naming file, line and message", BROKEN.throwOnImport, (report) => {
    assertStatus(report, "error");
    assertMessage(report, new RegExp(`app\\.ts:${APPENDED_LINE}\\b`));
    assertMessage(report, /boom while loading/);
  }),
  errorScenario("importing a module the sandbox lacks is an error naming it", BROKEN.unknownImport, (report) => {
    assertStatus(report, "error");
    assertMessage(report, /node:fs/);
    assertMessage(report, /app\.ts:\d+/);
  }),
  errorScenario("a handler that never responds is stopped; the other checks still run", BROKEN.neverResponds, (report) => {
    assertStatus(report, "error");
    const [first, second] = report.checks;
    assert(first?.status === "error" && /did not finish/.test(first.message ?? ""), "the hanging check is an error saying it did not finish", report);
    assert(second?.status === "pass", "the next check still runs and passes", report);
  }),
  errorScenario("an infinite loop in a handler is stopped and named", BROKEN.infiniteLoop, (report) => {
    assertStatus(report, "error");
    assertMessage(report, /GET \/ says hello/);
    assertMessage(report, /did not finish/);
    assert(report.checks[0]?.status === "error", "the looping check is marked as the error", report);
  }, true),
  errorScenario("an infinite loop while loading is stopped", BROKEN.loopOnImport, (report) => {
    assertStatus(report, "error");
    assertMessage(report, /did not finish/);
  }, true),
  errorScenario("megabytes of output stop the run with an error saying so", BROKEN.floodOutput, (report) => {
    assertStatus(report, "error");
    assertMessage(report, /output/i);
  }),
  errorScenario("process.exit() from learner code is an error naming it", BROKEN.exitInHandler, (report) => {
    assertStatus(report, "error");
    assertMessage(report, /process\.exit/);
  }),
  errorScenario("a report printed by learner code is not trusted", BROKEN.forgedReport, (report) => {
    assertStatus(report, "fail");
    assert(report.checks[1]?.status === "fail", "the real result of task 2 stands", report);
  }),
  {
    name: "start() serves the learner's app and fetch reaches it",
    async run(sandbox, tools) {
      await sandbox.load(PASSING_WORKSPACE);
      const { url } = await sandbox.start();
      const home = await tools.fetch(url);
      assert(home.status === 200 && home.text.includes("Hello from Vial"), `GET ${url} should answer the greeting, got ${home.status} ${home.text}`);
      const user = await tools.fetch(new URL("users/7", url).href);
      assert(user.status === 200 && JSON.parse(user.text).id === 7, `GET /users/7 should answer JSON, got ${user.status} ${user.text}`);
    },
  },
  {
    name: "start() after a write serves the new code",
    async run(sandbox, tools) {
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.start();
      await sandbox.write("greeting.ts", `export const greeting = () => "Hello again";\n`);
      const { url } = await sandbox.start();
      const home = await tools.fetch(url);
      assert(home.text.includes("Hello again"), `the restarted app should serve the new greeting, got ${home.text}`);
    },
  },
  {
    name: "start() with broken code rejects with the reason, and the sandbox recovers",
    async run(sandbox, tools) {
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.write("app.ts", BROKEN.compileError);
      const failure = await sandbox.start().then(() => undefined, (error: unknown) => error);
      assert(failure instanceof Error && /app\.ts:\d+/.test(failure.message), `start() should reject naming app.ts:line, got ${String(failure)}`);
      await assertRecovers(sandbox);
      const { url } = await sandbox.start();
      assert((await tools.fetch(url)).status === 200, "the fixed app serves again");
    },
  },
  {
    name: "output carries what the learner's code prints",
    async run(sandbox) {
      await sandbox.load(PASSING_WORKSPACE);
      await sandbox.write("app.ts", PASSING_APP + `console.log("hello from the learner's code");\n`);
      const seen = await waitForOutput(sandbox, "hello from the learner's code", () => sandbox.check());
      assert(seen.includes("hello from the learner's code"), `output should carry the learner's log, got ${JSON.stringify(seen.slice(0, 500))}`);
      assert(!seen.includes("VIAL:"), "output should not carry the grader's marked lines");
    },
  },
];
