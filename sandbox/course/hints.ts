/**
 * A task's hints, revealed one at a time (in the site and by `learn hint`): first the nudge of
 * its `hint`, then each of `moreHints`, more specific than the last.
 */
import type { Task } from "./types";

/**
 * A task's hints in the order they are revealed, first the nudge.
 *
 * @example
 * hintSteps({ n: 1, hint: "Use app.get.", moreHints: ['app.get("/", () => "Hi")'] }); // ["Use app.get.", 'app.get("/", () => "Hi")']
 */
export function hintSteps(task: Pick<Task, "hint" | "moreHints">): string[] {
  return [...(task.hint ? [task.hint] : []), ...(task.moreHints ?? [])];
}
