/**
 * How many hints of each task of the open lesson the learner has revealed. The task in the prose
 * and its results in the checks panel show the same hints, so revealing one in either shows it
 * in both.
 */
import { createStore } from "./store";

/** Task number to how many of its hints are shown. */
export const hintsStore = createStore<Record<number, number>>({});

/**
 * Reveals the next hint of task `n` (at most `total`).
 *
 * @example
 * revealNextHint(1, 3);
 */
export function revealNextHint(n: number, total: number): void {
  hintsStore.update((shown) => ({ ...shown, [n]: Math.min(total, (shown[n] ?? 0) + 1) }));
}
