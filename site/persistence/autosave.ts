/**
 * Saves the latest value shortly after edits stop, and at the latest `maxWaitMs` after the first
 * unsaved edit, so continuous typing is still saved within a second. Only the newest value is
 * written; a save never overlaps another.
 */

export interface AutosaveOptions {
  /** Quiet time after the last edit before saving. */
  delayMs?: number;
  /** Longest an edit may stay unsaved while edits keep coming. */
  maxWaitMs?: number;
  /** Told when saving starts, succeeds or fails (for the "Saved" indicator). */
  onState?: (state: "saving" | "saved" | "failed", error?: unknown) => void;
}

export interface Autosave<T> {
  /** Notes a new value to save. */
  schedule(value: T): void;
  /** Saves any pending value now (page hide, lesson change). */
  flush(): Promise<void>;
  /** Drops any pending value without saving it. */
  cancel(): void;
}

/**
 * Creates a debounced saver around `save`.
 *
 * @example
 * const autosave = createAutosave((files) => repository.put({ ...record, files }), { delayMs: 300 });
 * editor.onChange((files) => autosave.schedule(files));
 * addEventListener("pagehide", () => void autosave.flush());
 */
export function createAutosave<T>(save: (value: T) => Promise<void>, options: AutosaveOptions = {}): Autosave<T> {
  const delayMs = options.delayMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  let pending: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let running: Promise<void> = Promise.resolve();

  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const flush = (): Promise<void> => {
    clear();
    if (!pending) return running;
    const { value } = pending;
    pending = undefined;
    running = running.then(async () => {
      options.onState?.("saving");
      try {
        await save(value);
        if (!pending) options.onState?.("saved");
      } catch (error) {
        options.onState?.("failed", error);
      }
    });
    return running;
  };

  return {
    schedule(value) {
      const now = Date.now();
      if (!pending) firstPendingAt = now;
      pending = { value };
      clear();
      const wait = Math.max(0, Math.min(delayMs, firstPendingAt + maxWaitMs - now));
      timer = setTimeout(() => void flush(), wait);
    },
    flush,
    cancel() {
      clear();
      pending = undefined;
    },
  };
}
