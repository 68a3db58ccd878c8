import { CheckFailure } from "./failure";
import { judgeThrown, matchers } from "./matchers";
import type { MatcherName, Verdict } from "./matchers";

type MatcherArgs<K extends MatcherName> = (typeof matchers)[K] extends (actual: any, ...args: infer A) => Verdict ? A : never;
type ThrowExpectation = string | RegExp | (new (...args: any[]) => unknown);

/** The matchers available on `expect(value)`; `.not` flips each of them. */
export type Expectation = { [K in MatcherName]: (...args: MatcherArgs<K>) => void } & {
  /** Passes when the function throws (or, for an async function, rejects); await it then. */
  toThrow(expected?: ThrowExpectation): void | Promise<void>;
  not: Expectation;
  /** Matchers applied to what the promise resolves to. */
  resolves: AsyncExpectation;
  /** Matchers applied to what the promise rejects with; `.rejects.toThrow("msg")` checks the error. */
  rejects: AsyncExpectation;
};

/** Like {@link Expectation}, but every matcher returns a promise to await. */
export type AsyncExpectation = { [K in MatcherName]: (...args: MatcherArgs<K>) => Promise<void> } & {
  toThrow(expected?: ThrowExpectation): Promise<void>;
  not: AsyncExpectation;
};

/** Receives every promise an expectation returns, so the grader can judge unawaited ones. */
type Track = (pending: Promise<unknown>) => void;

function judge(verdict: Verdict, negated: boolean, label: string | undefined): void {
  if (verdict.pass !== negated) return;
  const wanted = negated ? verdict.unwanted : verdict.wanted;
  const sentence = `expected ${wanted}, got ${verdict.got}.`;
  throw new CheckFailure(label ? `${label}: ${sentence}` : sentence[0]!.toUpperCase() + sentence.slice(1));
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

function makeExpectation(actual: unknown, negated: boolean, label: string | undefined, track: Track): Expectation {
  const expectation: Record<string, unknown> = {};
  for (const name of Object.keys(matchers) as MatcherName[]) {
    const matcher = matchers[name] as (actual: unknown, ...args: unknown[]) => Verdict;
    expectation[name] = (...args: unknown[]) => judge(matcher(actual, ...args), negated, label);
  }
  expectation.toThrow = (expected?: ThrowExpectation) => {
    if (typeof actual !== "function") {
      throw new CheckFailure(`${label ?? "toThrow"}: expected a function to call, got ${typeof actual}.`);
    }
    let result: unknown;
    try {
      result = (actual as () => unknown)();
    } catch (error) {
      return judge(judgeThrown(error, true, expected), negated, label);
    }
    if (isPromiseLike(result)) {
      const pending = Promise.resolve(result).then(
        () => judge(judgeThrown(undefined, false, expected), negated, label),
        (error: unknown) => judge(judgeThrown(error, true, expected), negated, label),
      );
      track(pending);
      return pending;
    }
    return judge(judgeThrown(undefined, false, expected), negated, label);
  };
  Object.defineProperty(expectation, "not", { get: () => makeExpectation(actual, !negated, label, track) });
  Object.defineProperty(expectation, "resolves", { get: () => makeAsync(actual, "resolves", negated, label, track) });
  Object.defineProperty(expectation, "rejects", { get: () => makeAsync(actual, "rejects", negated, label, track) });
  return expectation as Expectation;
}

function makeAsync(promise: unknown, way: "resolves" | "rejects", negated: boolean, label: string | undefined, track: Track): AsyncExpectation {
  const tracked = <T>(pending: Promise<T>): Promise<T> => {
    track(pending);
    return pending;
  };
  const settle = async (): Promise<{ resolved: boolean; value: unknown }> => {
    const pending = typeof promise === "function" ? (promise as () => unknown)() : promise;
    try {
      return { resolved: true, value: await pending };
    } catch (error) {
      return { resolved: false, value: error };
    }
  };
  const outcome = async (): Promise<unknown> => {
    const { resolved, value } = await settle();
    if (way === "resolves" && !resolved) {
      throw new CheckFailure(`${label ? label + ": e" : "E"}xpected the promise to resolve, but it rejected with ${judgeThrown(value, true).got.replace("it threw ", "")}.`);
    }
    if (way === "rejects" && resolved) {
      throw new CheckFailure(`${label ? label + ": e" : "E"}xpected the promise to reject, but it resolved.`);
    }
    return value;
  };
  const expectation: Record<string, unknown> = {};
  for (const name of Object.keys(matchers) as MatcherName[]) {
    const matcher = matchers[name] as (actual: unknown, ...args: unknown[]) => Verdict;
    expectation[name] = (...args: unknown[]) => tracked((async () => judge(matcher(await outcome(), ...args), negated, label))());
  }
  expectation.toThrow = (expected?: ThrowExpectation) => tracked((async () => {
    if (way === "resolves" || !negated) {
      // A promise that settled the wrong way fails with that, whatever error was expected.
      const value = await outcome();
      judge(judgeThrown(value, way === "rejects", expected), negated, label);
      return;
    }
    const { resolved, value } = await settle();
    judge(judgeThrown(value, !resolved, expected), negated, label);
  })());
  Object.defineProperty(expectation, "not", { get: () => makeAsync(promise, way, !negated, label, track) });
  return expectation as AsyncExpectation;
}

/**
 * Starts an expectation about a value. The optional label names the value in the failure
 * message, so the learner reads "status of GET /: expected 200, got 404." instead of a riddle.
 *
 * @example
 * expect(res.status, "status of GET /").toBe(200);
 * expect(res.text).not.toContain("Traceback");
 * await expect(() => parse("x")).toThrow(/invalid/);
 */
export function expect(actual: unknown, label?: string): Expectation {
  return makeExpectation(actual, false, label, () => {});
}

/**
 * An `expect` that hands every promise an expectation returns (`.resolves`, `.rejects`, `toThrow`
 * of an async function) to `track`. Each grader has its own, and awaits them after each check,
 * so a forgotten `await` still fails the check instead of passing it silently.
 *
 * @example
 * const pending: Promise<unknown>[] = [];
 * const expect = createTrackedExpect((p) => pending.push(p));
 */
export function createTrackedExpect(track: Track): typeof expect {
  return (actual: unknown, label?: string) => makeExpectation(actual, false, label, track);
}
