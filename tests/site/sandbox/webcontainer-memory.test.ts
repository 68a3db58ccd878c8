import { describe, expect, it } from "vitest";
import { FAILURE_MEMORY_MS, forgetWebContainerFailure, recentWebContainerFailure, rememberWebContainerFailure } from "../../../site/sandbox/webcontainer-memory";

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe("remembered WebContainer failure", () => {
  it("is remembered for a while, then forgotten and removed", () => {
    const storage = memoryStorage();
    rememberWebContainerFailure(storage, "StackBlitz did not answer within 30 s.", 1_000);
    expect(recentWebContainerFailure(storage, 1_000 + FAILURE_MEMORY_MS - 1)).toEqual({ reason: "StackBlitz did not answer within 30 s.", at: 1_000 });
    expect(recentWebContainerFailure(storage, 1_000 + FAILURE_MEMORY_MS)).toBeNull();
    expect(storage.values.size).toBe(0);
  });

  it("is forgotten when the learner asks again", () => {
    const storage = memoryStorage();
    rememberWebContainerFailure(storage, "no", 5);
    forgetWebContainerFailure(storage);
    expect(recentWebContainerFailure(storage, 6)).toBeNull();
  });

  it("ignores an entry that is damaged or from the future, and storage that throws", () => {
    const storage = memoryStorage();
    for (const raw of ["{", "null", '{"reason":1,"at":1}', '{"reason":"x","at":99}']) {
      storage.values.set("learn-vial:webcontainer-failed", raw);
      expect(recentWebContainerFailure(storage, 10), raw).toBeNull();
    }
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); }, removeItem: () => { throw new Error("denied"); } };
    expect(() => rememberWebContainerFailure(broken, "x")).not.toThrow();
    expect(recentWebContainerFailure(broken)).toBeNull();
  });
});
