/**
 * `learnerTests` in checks.ts: grades the learner's own tests the way mutation testing does
 * (sandbox/README.md, "Grading the learner's tests"). Every test runs against the correct app,
 * several times, and once against each app with one seeded bug, all in one shuffled order. A
 * test must pass every run on the correct app; a seeded bug is caught when a test that does so
 * fails on it. The verdicts come from the learner's realm (a test returned or threw), but which
 * app answered is known only here, so a test can only tell the apps apart by their answers.
 */
import { CheckFailure, RunError } from "./failure";
import { HOSTED_APPS, type AppMaker, type HostedApps } from "./hosted-apps";
import type { Random } from "./attack/random";

/** One app with one seeded bug. `area` is all the report says of it ("authorization"). */
export interface SeededBug {
  area: string;
  make: AppMaker;
}

export interface LearnerTestsOptions {
  /** The learner's tests as checks.ts imported them (`import { tests } from "./tests"`): an object of functions. */
  tests: unknown;
  /** Makes the correct app. */
  correct: AppMaker;
  bugs: readonly SeededBug[];
  /** How long one test may take against one app (default 5 s). */
  testTimeoutMs?: number;
}

export interface LearnerTestsReport {
  /** The names of the learner's tests. */
  tests: string[];
  /** Tests that failed against the correct app at least once: the name, how often, the first message. */
  failing: { test: string; failed: number; runs: number; message: string }[];
  /** For each seeded bug, in order: the tests that caught it. */
  caughtBy: string[][];
}

export interface LearnerTestSuite {
  /** Runs everything once (later calls get the same report). Rejects when the tests could not run at all. */
  report(): Promise<LearnerTestsReport>;
  /** Fails the check unless there is a test and every test passes every run against the correct app. */
  expectPassing(): Promise<void>;
  /** Fails the check unless some test that passes on the correct app fails on seeded bug `index` (from 0). */
  expectCaught(index: number): Promise<void>;
  /** "seeded bug 2 of 5 (session)": how the report names a bug, never by what it is. */
  bugName(index: number): string;
}

/** Runs on the correct app per test: guessing which run is which succeeds once in C(runs + bugs, bugs). */
const MIN_CORRECT_RUNS = 3;
const MAX_TESTS = 50;
const TIMED_OUT = Symbol("timed out");

type TestFn = (factory: unknown) => Promise<unknown>;

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function learnerFunctions(tests: unknown): [string, TestFn][] {
  if (typeof tests !== "object" || tests === null) {
    throw new CheckFailure(`Your test file must export \`tests\`, an object of test functions (export const tests = { "name": async (createApp) => { ... } }), got ${tests === undefined ? "nothing" : typeof tests}.`);
  }
  const entries = Object.entries(tests);
  const notFunctions = entries.filter(([, fn]) => typeof fn !== "function").map(([name]) => `"${name}"`);
  if (notFunctions.length) throw new CheckFailure(`Every entry of \`tests\` must be a test function; ${notFunctions.join(", ")} ${notFunctions.length === 1 ? "is" : "are"} not.`);
  if (entries.length === 0) throw new CheckFailure("`tests` has no tests yet: add one, such as \"a visitor is sent to the login page\": async (createApp) => { ... }.");
  if (entries.length > MAX_TESTS) throw new CheckFailure(`\`tests\` has ${entries.length} tests; at most ${MAX_TESTS} are run.`);
  return entries as [string, TestFn][];
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * @example
 * const suite = learnerTests({ tests, correct: (config) => createApp(config), bugs: [{ area: "session", make: ... }] });
 * check("Your tests pass against the correct app", () => suite.expectPassing(), { task: 1, timeoutMs: 120_000 });
 */
export function createLearnerTests(hosted: HostedApps | undefined, random: Random): (options: LearnerTestsOptions) => LearnerTestSuite {
  return (options) => {
    const { bugs, correct } = options;
    const testTimeoutMs = options.testTimeoutMs ?? 5000;
    let running: Promise<LearnerTestsReport> | undefined;

    async function runOne(fn: TestFn, make: AppMaker): Promise<{ passed: true } | { passed: false; message: string } | typeof TIMED_OUT> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), testTimeoutMs)));
      const run = hosted!.within(make, async () => {
        try {
          await Promise.race([fn(HOSTED_APPS), limit]).then((value) => {
            if (value === TIMED_OUT) throw TIMED_OUT;
          });
          return { passed: true } as const;
        } catch (error) {
          if (error === TIMED_OUT || error instanceof RunError) throw error;
          return { passed: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } as const;
        }
      });
      try {
        return await run;
      } catch (error) {
        if (error === TIMED_OUT) return TIMED_OUT;
        throw error;
      } finally {
        clearTimeout(timer);
      }
    }

    async function runAll(): Promise<LearnerTestsReport> {
      if (!hosted) throw new RunError("This sandbox cannot run your tests against the lesson's apps.");
      const tests = learnerFunctions(options.tests);
      const correctRuns = Math.max(MIN_CORRECT_RUNS, bugs.length);
      const plan: { test: number; bug: number | undefined }[] = [];
      tests.forEach((_, test) => {
        for (let i = 0; i < correctRuns; i++) plan.push({ test, bug: undefined });
        bugs.forEach((_, bug) => plan.push({ test, bug }));
      });
      const failedOnCorrect = tests.map(() => ({ failed: 0, message: "" }));
      const failedOnBug = tests.map(() => bugs.map(() => false));
      for (const { test, bug } of shuffle(plan, random)) {
        const [name, fn] = tests[test]!;
        const outcome = await runOne(fn, bug === undefined ? correct : bugs[bug]!.make);
        if (outcome === TIMED_OUT) {
          throw new CheckFailure(`Your test "${name}" did not finish within ${testTimeoutMs / 1000} s, so your tests were not graded. Does it await something that never comes (a request to another app, a loop)?`);
        }
        if (outcome.passed) continue;
        if (bug !== undefined) failedOnBug[test]![bug] = true;
        else if (failedOnCorrect[test]!.failed++ === 0) failedOnCorrect[test]!.message = firstLine(outcome.message);
      }
      const passing = (test: number) => failedOnCorrect[test]!.failed === 0;
      return {
        tests: tests.map(([name]) => name),
        failing: tests.flatMap(([name], test) => (passing(test) ? [] : [{ test: name, failed: failedOnCorrect[test]!.failed, runs: correctRuns, message: failedOnCorrect[test]!.message }])),
        caughtBy: bugs.map((_, bug) => tests.flatMap(([name], test) => (passing(test) && failedOnBug[test]![bug] ? [name] : []))),
      };
    }

    const report = () => (running ??= runAll());
    const bugName = (index: number) => `seeded bug ${index + 1} of ${bugs.length} (${bugs[index]?.area ?? "?"})`;

    return {
      report,
      bugName,
      async expectPassing() {
        const { failing } = await report();
        if (failing.length === 0) return;
        const lines = failing.slice(0, 3).map(({ test, failed, runs, message }) => `- "${test}" failed ${failed === runs ? "every time" : `${failed} of ${runs} times`}: ${message}`);
        const more = failing.length > 3 ? `\n(and ${failing.length - 3} more)` : "";
        throw new CheckFailure(`Against the correct app, every test must pass, every time; ${failing.length} did not:\n${lines.join("\n")}${more}`);
      },
      async expectCaught(index: number) {
        if (!bugs[index]) throw new Error(`expectCaught(${index}): the lesson has ${bugs.length} seeded bugs.`);
        const { caughtBy, failing } = await report();
        if (caughtBy[index]!.length > 0) return;
        const note = failing.length ? " (a test that fails against the correct app catches nothing: fix those first)" : "";
        throw new CheckFailure(`Your tests missed ${bugName(index)}: every test that passes against the correct app also passed against this one${note}. Ask for a hint to learn what the bug is.`);
      },
    };
  };
}
