/**
 * The smallest observable value: `get`, `set`, `subscribe`. Every piece of client state (files,
 * report, engine, output, preview, progress, theme) is one of these, one store per concern, as in
 * TutorialKit's runtime, so each panel re-renders only when its own concern changes.
 */

/** A value that can be read, replaced and watched. */
export interface Store<T> {
  get(): T;
  set(next: T): void;
  /** Replaces the value with `change(current)`. */
  update(change: (current: T) => T): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (value: T) => void): () => void;
}

/**
 * Creates a store holding `initial`. Setting a value identical (`Object.is`) to the current one
 * notifies nobody, so listeners never see a change that did not happen.
 *
 * @example
 * const count = createStore(0);
 * const stop = count.subscribe((n) => console.log(n));
 * count.update((n) => n + 1); // logs 1
 * stop();
 */
export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  const set = (next: T) => {
    if (Object.is(next, value)) return;
    value = next;
    for (const listener of [...listeners]) listener(value);
  };
  return {
    get: () => value,
    set,
    update: (change) => set(change(value)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
