/**
 * Runs async jobs a few at a time. Grading spawns a Node process per run, and CI machines are
 * small; a fixed, low limit keeps `lessons:check` from starving everything else.
 */

/**
 * Maps `items` through `job` with at most `limit` jobs running at once; results keep item order.
 *
 * @example
 * ```ts
 * const reports = await mapWithLimit(lessons, 2, (lesson) => grade(lesson));
 * ```
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await job(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
