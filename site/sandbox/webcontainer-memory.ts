/**
 * Remembers, across tabs and reloads, that WebContainers failed to boot, so the next pages do not
 * boot them again for a while (behind a firewall each boot costs a 30 s wait and a hidden
 * StackBlitz frame). It expires, because networks change, and the learner can try again at once.
 */

const KEY = "learn-vial:webcontainer-failed";

/** How long a failed boot is remembered. */
export const FAILURE_MEMORY_MS = 30 * 60_000;

export interface RememberedFailure {
  reason: string;
  /** When the boot failed (ms since the epoch). */
  at: number;
}

type Storage_ = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * Records a failed boot at `now`.
 *
 * @example
 * rememberWebContainerFailure(localStorage, "StackBlitz did not answer within 30 s.");
 */
export function rememberWebContainerFailure(storage: Storage_ | undefined, reason: string, now = Date.now()): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ reason, at: now } satisfies RememberedFailure));
  } catch {
    // Without storage each page simply tries again.
  }
}

/**
 * The failure remembered within the last {@link FAILURE_MEMORY_MS}, if any; an expired or
 * unreadable entry is removed.
 *
 * @example
 * recentWebContainerFailure(localStorage); // { reason: "StackBlitz did not answer within 30 s.", at: 1764… }
 */
export function recentWebContainerFailure(storage: Storage_ | undefined, now = Date.now()): RememberedFailure | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<RememberedFailure>;
    const fresh = typeof value.reason === "string" && typeof value.at === "number" && value.at <= now && now - value.at < FAILURE_MEMORY_MS;
    if (fresh) return { reason: value.reason!, at: value.at! };
    storage?.removeItem(KEY);
    return null;
  } catch {
    return null;
  }
}

/**
 * Forgets a failed boot (the learner asked to try again).
 *
 * @example
 * forgetWebContainerFailure(localStorage);
 */
export function forgetWebContainerFailure(storage: Storage_ | undefined): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing to forget without storage.
  }
}
