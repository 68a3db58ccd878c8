/**
 * Values that are ready now or later. Signing is asynchronous on Web Crypto but synchronous on
 * registered primitives (vial/node), and a session is read and written on every request: each
 * `await` of a value that was ready costs a promise and a trip through the microtask queue, so
 * the hot path passes plain values along and makes a promise only where one is really pending.
 */

/**
 * A value now, or a promise of it.
 *
 * @example
 * ```ts
 * import type { Eventually } from "./eventually.ts";
 * const now: Eventually<number> = 1;
 * const later: Eventually<number> = Promise.resolve(1);
 * ```
 */
export type Eventually<T> = T | Promise<T>;

/**
 * `next(value)`, at once when `value` is ready, after it settles when it is a promise.
 *
 * @example
 * ```ts
 * import { after } from "./eventually.ts";
 * after(2, (n) => n * 2); // 4, not a promise
 * await after(Promise.resolve(2), (n) => n * 2); // 4
 * ```
 */
export function after<T, U>(value: Eventually<T>, next: (value: T) => Eventually<U>): Eventually<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * Runs `run` and hands its outcome to `settled`: the value, or what it threw or rejected with.
 * Synchronous throws and rejections take the same road, so callers write their error handling once.
 *
 * @example
 * ```ts
 * import { settle } from "./eventually.ts";
 * settle(() => JSON.parse("{"), (_value, error) => (error ? "bad" : "ok")); // "bad"
 * ```
 */
export function settle<T, U>(run: () => Eventually<T>, settled: (value: T | undefined, error: unknown) => Eventually<U>): Eventually<U> {
  let outcome: Eventually<T>;
  try {
    outcome = run();
  } catch (error) {
    return settled(undefined, error ?? new Error(String(error)));
  }
  if (outcome instanceof Promise) {
    return outcome.then(
      (value) => settled(value, undefined),
      (error: unknown) => settled(undefined, error ?? new Error(String(error))),
    );
  }
  return settled(outcome, undefined);
}
