"use client";
import { useSyncExternalStore } from "react";
import type { Store } from "./store";

/**
 * Reads a store in a React component and re-renders when it changes. The server snapshot is the
 * store's value too, so static pages render the initial state.
 *
 * @example
 * const report = useStore(reportStore);
 */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
