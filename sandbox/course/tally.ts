/**
 * A lesson's score as the outline and `learn list` show it ("7 of 11 fixed"): the checks of its
 * `tally` tasks that passed at the learner's last check. Progress keeps per-task counts, and the
 * lesson's frontmatter says which tasks count, so a lesson's tally can change without touching
 * anyone's saved progress.
 */

/** Per task number (as text, as in JSON), how many of its checks passed at the last check. */
export type TaskCounts = Record<string, { passed: number; total: number }>;

/**
 * Counts a report's checks by task; skipped checks and checks without a task do not count.
 *
 * @example
 * countByTask([{ task: 2, status: "pass" }, { task: 2, status: "fail" }]); // { "2": { passed: 1, total: 2 } }
 */
export function countByTask(checks: readonly { task?: number | undefined; status: string }[]): TaskCounts {
  const counts: TaskCounts = {};
  for (const check of checks) {
    if (check.task === undefined || check.status === "skip") continue;
    const entry = (counts[String(check.task)] ??= { passed: 0, total: 0 });
    entry.total++;
    if (check.status === "pass") entry.passed++;
  }
  return counts;
}

/**
 * The passed and total checks of `tasks`, or undefined when the last check ran none of them
 * (never checked, or the code did not load).
 *
 * @example
 * tallyOf({ "1": { passed: 6, total: 6 }, "2": { passed: 3, total: 4 } }, [2]); // { passed: 3, total: 4 }
 */
export function tallyOf(counts: TaskCounts | undefined, tasks: readonly number[]): { passed: number; total: number } | undefined {
  let passed = 0;
  let total = 0;
  for (const task of tasks) {
    passed += counts?.[String(task)]?.passed ?? 0;
    total += counts?.[String(task)]?.total ?? 0;
  }
  return total > 0 ? { passed, total } : undefined;
}
