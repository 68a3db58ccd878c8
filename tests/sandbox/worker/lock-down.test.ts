import { describe, expect, it } from "vitest";
import { lockDown } from "../../../sandbox/engines/worker/host/lock-down";

describe("lockDown", () => {
  it("removes network, storage and messaging from the scope and its prototypes for good", () => {
    class ScopePrototype {
      get indexedDB() {
        return "idb";
      }
    }
    Object.defineProperty(ScopePrototype.prototype, "fetch", { value: () => "net", configurable: true, writable: true });
    const scope = Object.create(ScopePrototype.prototype) as Record<string, unknown>;
    scope.XMLHttpRequest = class {};
    scope.BroadcastChannel = class {};
    scope.navigator = { storage: {}, serviceWorker: {}, userAgent: "test" };
    scope.keep = "kept";

    const removed = lockDown(scope);

    expect(removed.sort()).toEqual(["BroadcastChannel", "XMLHttpRequest", "fetch", "indexedDB"]);
    for (const name of ["fetch", "indexedDB", "XMLHttpRequest", "BroadcastChannel"]) expect(name in scope).toBe(false);
    // Not recoverable through the prototype either.
    expect(Object.getOwnPropertyDescriptor(ScopePrototype.prototype, "indexedDB")).toBeUndefined();
    expect(scope.navigator).toEqual({ userAgent: "test" });
    expect(scope.keep).toBe("kept");
  });
});
