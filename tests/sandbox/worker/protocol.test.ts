import { describe, expect, it } from "vitest";
import { isHostMessage, runFiles } from "../../../sandbox/engines/worker/protocol";

describe("runFiles", () => {
  it("keeps the learner's files and the checks, not the bundles (the worker imports those by URL)", () => {
    const files = runFiles({ "app.ts": "a", "data/users.json": new TextEncoder().encode("[]"), ".vial/checks.ts": "c", ".vial/vial.mjs": "v", ".vial/worker-host.mjs": "w" });
    expect(files).toEqual({ "app.ts": "a", "data/users.json": "[]", ".vial/checks.ts": "c" });
  });
});

describe("isHostMessage", () => {
  it("accepts the host's message types only", () => {
    expect(isHostMessage({ type: "report", report: {} })).toBe(true);
    expect(isHostMessage({ type: "pass" })).toBe(false);
    expect(isHostMessage(null)).toBe(false);
  });
});
