/**
 * Lessons marked `from: previous` continue the previous lesson's files. The course resolves their
 * starter against the previous lesson's solution; a learner who passed that lesson continues
 * their own files instead (in the site and with `learn start`). Files the new lesson brings
 * itself always win.
 */

/**
 * Starter paths whose contents came unchanged from the previous lesson's solution: those the
 * learner's own finished files may replace.
 *
 * @example
 * inheritedPaths({ "app.ts": "x", "data.ts": "new" }, { "app.ts": "x" }); // ["app.ts"]
 */
export function inheritedPaths(starter: Record<string, string>, previousSolution: Record<string, string>): string[] {
  return Object.keys(starter).filter((path) => previousSolution[path] === starter[path]);
}

/**
 * The starter with the learner's own files of the previous lesson put in place of what came from
 * its solution.
 *
 * @example
 * continueFrom({ "app.ts": solution, "new.ts": "x" }, ["app.ts"], { "app.ts": mine }); // { "app.ts": mine, "new.ts": "x" }
 */
export function continueFrom(starter: Record<string, string>, inherited: readonly string[], own: Record<string, string>): Record<string, string> {
  const files = { ...starter };
  for (const [path, contents] of Object.entries(own)) {
    if (!(path in starter) || inherited.includes(path)) files[path] = contents;
  }
  return files;
}
