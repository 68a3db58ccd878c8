import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosave } from "../../../site/persistence/autosave";

describe("autosave", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("saves only the latest value once edits pause", async () => {
    const saved: string[] = [];
    const autosave = createAutosave(async (value: string) => void saved.push(value), { delayMs: 300, maxWaitMs: 1000 });
    autosave.schedule("a");
    autosave.schedule("ab");
    await vi.advanceTimersByTimeAsync(299);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(["ab"]);
  });

  it("saves within maxWait even while edits keep coming", async () => {
    const saved: number[] = [];
    const autosave = createAutosave(async (value: number) => void saved.push(value), { delayMs: 300, maxWaitMs: 1000 });
    for (let step = 0; step < 12; step++) {
      autosave.schedule(step);
      await vi.advanceTimersByTimeAsync(100);
    }
    // Edits every 100 ms never pause for 300 ms, yet the value of the 1000 ms mark was saved.
    expect(saved[0]).toBe(9);
  });

  it("flushes a pending value at once and reports its state", async () => {
    const states: string[] = [];
    const saved: string[] = [];
    const autosave = createAutosave(async (value: string) => void saved.push(value), { onState: (state) => states.push(state) });
    autosave.schedule("x");
    await autosave.flush();
    expect(saved).toEqual(["x"]);
    expect(states).toEqual(["saving", "saved"]);
  });

  it("reports a failed save and drops cancelled values", async () => {
    const states: string[] = [];
    const autosave = createAutosave(async () => Promise.reject(new Error("quota")), { onState: (state) => states.push(state) });
    autosave.schedule("x");
    await autosave.flush();
    expect(states).toEqual(["saving", "failed"]);
    autosave.schedule("y");
    autosave.cancel();
    await vi.runAllTimersAsync();
    expect(states).toEqual(["saving", "failed"]);
  });
});
