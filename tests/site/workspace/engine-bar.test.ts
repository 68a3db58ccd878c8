import { describe, expect, it } from "vitest";
import { shortReason } from "../../../site/workspace/engine-bar";

describe("engine bar wording", () => {
  it("drops the lead the bar already says", () => {
    expect(shortReason("Using the worker engine: you are offline.")).toBe("you are offline.");
    expect(shortReason("Using WebContainers: you chose WebContainers.")).toBe("you chose WebContainers.");
  });
});
