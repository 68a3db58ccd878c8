/**
 * The files a lesson opens with. A lesson marked `from: previous` continues the learner's own
 * work: once they have passed the lesson before, its files replace the ones the course would
 * have taken from that lesson's solution. Files the new lesson brings itself always win.
 */
import { continueFrom } from "../../sandbox/course/continue-previous";
import type { FileMap } from "../state/files-store";
import type { LessonRecord } from "./records";

/**
 * The starting files of a lesson.
 *
 * @param starter the lesson's starter, with `from: previous` resolved against the solution
 * @param inheritedPaths starter paths that came from the previous lesson's solution unchanged
 * @param previous the learner's record of the previous lesson, when the lesson is `from: previous`
 * @example
 * startingFiles({ "app.ts": solution }, ["app.ts"], { ...record, passed: true, files: { "app.ts": mine } });
 * // { "app.ts": mine }
 */
export function startingFiles(starter: FileMap, inheritedPaths: readonly string[], previous: LessonRecord | undefined): FileMap {
  return previous?.passed ? continueFrom(starter, inheritedPaths, previous.files) : { ...starter };
}

/**
 * Whether `files` differ from `starting` (so the lesson counts as started).
 *
 * @example
 * filesChanged({ "app.ts": "a" }, { "app.ts": "b" }); // true
 */
export function filesChanged(files: FileMap, starting: FileMap): boolean {
  const paths = new Set([...Object.keys(files), ...Object.keys(starting)]);
  for (const path of paths) if (files[path] !== starting[path]) return true;
  return false;
}
