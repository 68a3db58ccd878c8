import { describe, expect, it } from "vitest";
import { shortReason, shownChoice } from "../../../site/workspace/engine-bar";
import type { EngineState } from "../../../site/state/engine-store";

describe("engine bar wording", () => {
  it("drops the lead the bar already says", () => {
    expect(shortReason("Using the worker engine: you are offline.")).toBe("you are offline.");
    expect(shortReason("Using WebContainers: you chose WebContainers.")).toBe("you chose WebContainers.");
  });

  it("shows the learner's choice, else the engine wanted for the lesson", () => {
    const state: EngineState = { phase: "ready", kind: "worker", reason: "", error: null, preferred: null, upgrade: { status: "none" } };
    expect(shownChoice(state)).toBe("worker");
    expect(shownChoice({ ...state, upgrade: { status: "booting", since: 0, timeoutMs: 30_000 } })).toBe("webcontainer");
    expect(shownChoice({ ...state, kind: "webcontainer" })).toBe("webcontainer");
    expect(shownChoice({ ...state, kind: "webcontainer", preferred: "worker" })).toBe("worker");
    expect(shownChoice({ ...state, preferred: "webcontainer", upgrade: { status: "unavailable", reason: "offline" } })).toBe("webcontainer");
  });
});
