/**
 * The course's precache as one job per Service Worker instance: every open page asks for it,
 * and all of them wait for the same run instead of each starting one.
 */

/**
 * Runs `fill` (which resolves to whether every page and file is now cached) at most once at a
 * time. A run that did not cache everything, or threw, is forgotten, so the next ask (the next
 * page the learner opens) tries again; a complete one is remembered.
 *
 * @example
 * const job = new PrecacheJob(() => precacheCourse(CACHE_NAME, origin));
 * event.waitUntil(job.complete().then((ready) => ready && announceReady()));
 */
export class PrecacheJob {
  #run: Promise<boolean> | undefined;

  constructor(private readonly fill: () => Promise<boolean>) {}

  /** Whether the course is all in the cache, after this worker's run (started now if none is under way). */
  complete(): Promise<boolean> {
    this.#run ??= this.fill()
      .catch(() => false)
      .then((ready) => {
        if (!ready) this.#run = undefined;
        return ready;
      });
    return this.#run;
  }
}
