import { describe, expect, it } from "vitest";
import { createStore } from "../../../site/state/store";

describe("createStore", () => {
  it("notifies subscribers of each change, and stops after unsubscribe", () => {
    const store = createStore(0);
    const seen: number[] = [];
    const stop = store.subscribe((value) => seen.push(value));
    store.set(1);
    store.update((value) => value + 1);
    stop();
    store.set(5);
    expect(seen).toEqual([1, 2]);
    expect(store.get()).toBe(5);
  });

  it("does not notify when the value is unchanged", () => {
    const store = createStore({ a: 1 });
    let calls = 0;
    store.subscribe(() => calls++);
    store.set(store.get());
    store.update((value) => value);
    expect(calls).toBe(0);
  });
});
