import { describe, expect, it } from "vitest";
import { createMarker, MARKER_PREFIX, readMarker } from "../../../sandbox/payload/protocol";

describe("markers", () => {
  it("round-trips a payload on its own line", () => {
    const marker = createMarker("abc", "report", { status: "pass", text: "line\nbreak" });
    expect(marker.startsWith("\n" + MARKER_PREFIX)).toBe(true);
    expect(marker.endsWith("\n")).toBe(true);
    expect(marker.trim().includes("\n")).toBe(false);
    expect(readMarker(marker.trim(), "abc")).toEqual({ kind: "report", payload: { status: "pass", text: "line\nbreak" } });
  });

  it("tolerates a carriage return from a terminal", () => {
    expect(readMarker(createMarker("abc", "event", { type: "ready", url: "u" }).trim() + "\r", "abc")).toEqual({ kind: "event", payload: { type: "ready", url: "u" } });
  });

  it("calls a marker with another nonce, an unknown kind or bad JSON forged", () => {
    expect(readMarker(createMarker("other", "report", {}).trim(), "abc")).toBe("forged");
    expect(readMarker(`${MARKER_PREFIX}verdict abc {}`, "abc")).toBe("forged");
    expect(readMarker(`${MARKER_PREFIX}report abc {`, "abc")).toBe("forged");
  });

  it("leaves ordinary output alone", () => {
    expect(readMarker('{"status":"pass"}', "abc")).toBeUndefined();
  });
});
