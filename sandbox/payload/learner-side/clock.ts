/**
 * The learner realm's `Date.now`, moved by the grader's fake clock. The clock itself lives in the
 * grader's realm (sandbox/grader/clock.ts); each message that runs learner code says how far it
 * is ahead, and this applies it before the code runs. Learner code may replace `Date.now` in its
 * own realm: that changes only what its own app sees, never the grade's time limits.
 *
 * @example
 * const setClock = followGraderClock();
 * setClock(61_000); // Date.now() now reads 61 s ahead of the real time
 */
export function followGraderClock(): (offsetMs: number) => void {
  const realNow = Date.now.bind(Date);
  let offsetMs = 0;
  Date.now = () => realNow() + offsetMs;
  return (next) => {
    if (Number.isFinite(next) && next >= 0) offsetMs = next;
  };
}
