/**
 * The grader's fake clock: while installed, `Date.now()` in the run's realm reads the real time
 * plus however far checks have advanced it. It is installed before the learner's code loads, so
 * the framework's time source (rate-limit windows, session and token timestamps, which read
 * `Date.now`) follows it, and a check can cross a one-minute window without waiting a minute.
 */

/** What checks see as `clock` (from the "grader" module). */
export interface Clock {
  /** Moves time forward by `seconds` for everything that reads `Date.now()`. */
  advance(seconds: number): void;
  /** How far the clock has been advanced, in seconds. */
  readonly advancedSeconds: number;
}

/** The real clock, taken before any clock is installed, for the grader's own time limits. */
export const realNow: () => number = Date.now.bind(Date);

/**
 * A fake clock over `Date.now`; `install()` before the learner's code loads, `uninstall()` after.
 *
 * @example
 * const clock = createClock();
 * clock.install();
 * clock.api.advance(61); // Date.now() is now 61 s ahead
 * clock.uninstall();
 */
export function createClock(): { api: Clock; install(): void; uninstall(): void } {
  let offsetMs = 0;
  let original: (() => number) | undefined;
  const api: Clock = Object.freeze({
    advance(seconds: number) {
      if (!(Number.isFinite(seconds) && seconds >= 0)) throw new RangeError(`clock.advance() needs a number of seconds of 0 or more, got ${seconds}.`);
      offsetMs += seconds * 1000;
    },
    get advancedSeconds() {
      return offsetMs / 1000;
    },
  });
  return {
    api,
    install() {
      if (original) return;
      original = Date.now;
      const base = original.bind(Date);
      Date.now = () => base() + offsetMs;
    },
    uninstall() {
      if (!original) return;
      Date.now = original;
      original = undefined;
    },
  };
}
