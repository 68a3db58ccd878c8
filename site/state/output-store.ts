/**
 * What the learner's app printed, for the output panel. Capped so a runaway loop of logs cannot
 * grow the page without bound.
 */
import { createStore } from "./store";

/** Characters kept; older output is dropped from the front. */
export const OUTPUT_LIMIT = 200_000;

export const outputStore = createStore<string>("");

/**
 * Appends `text`, keeping the last `limit` characters.
 *
 * @example
 * appendOutput("a".repeat(10), "bc", 5); // "aaabc"
 */
export function appendOutput(current: string, text: string, limit = OUTPUT_LIMIT): string {
  const next = current + text;
  return next.length > limit ? next.slice(next.length - limit) : next;
}
