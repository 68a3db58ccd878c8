import { describe, expect, it } from "vitest";
import { MarkerReader } from "../../sandbox/marker-reader";
import { createMarker } from "../../sandbox/payload/protocol";

function collect(nonce = "n0nce") {
  const seen = { text: "", markers: [] as [string, unknown][], forged: 0 };
  const reader = new MarkerReader(nonce, {
    text: (text) => (seen.text += text),
    marker: (kind, payload) => seen.markers.push([kind, payload]),
    forged: () => seen.forged++,
  });
  return { reader, seen };
}

describe("MarkerReader", () => {
  it("separates marked lines from output without leaving blank lines behind", () => {
    const { reader, seen } = collect();
    reader.push("hello\n" + createMarker("n0nce", "event", { type: "plan", checks: [] }) + "world\n" + createMarker("n0nce", "report", { status: "pass" }));
    reader.end();
    expect(seen.text).toBe("hello\nworld\n");
    expect(seen.markers).toEqual([["event", { type: "plan", checks: [] }], ["report", { status: "pass" }]]);
  });

  it("puts a marker after output that did not end its line on a line of its own", () => {
    const { reader, seen } = collect();
    reader.push("no newline" + createMarker("n0nce", "report", { ok: 1 }));
    reader.end();
    expect(seen.text).toBe("no newline\n");
    expect(seen.markers).toEqual([["report", { ok: 1 }]]);
  });

  it("reassembles markers split across chunks at any point", () => {
    const whole = "log line\n" + createMarker("n0nce", "report", { status: "fail", text: "ünïcode" }) + "after";
    for (let cut = 1; cut < whole.length; cut += 7) {
      const { reader, seen } = collect();
      reader.push(whole.slice(0, cut));
      reader.push(whole.slice(cut));
      reader.end();
      expect(seen.markers).toEqual([["report", { status: "fail", text: "ünïcode" }]]);
      expect(seen.text).toBe("log line\nafter");
    }
  });

  it("ignores markers with the wrong nonce or broken JSON, and counts them", () => {
    const { reader, seen } = collect();
    reader.push(createMarker("guess", "report", { status: "pass" }) + "\u0000VIAL:report n0nce {broken\n");
    reader.end();
    expect(seen.markers).toEqual([]);
    expect(seen.forged).toBe(2);
  });

  it("passes on partial output lines at once", () => {
    const { reader, seen } = collect();
    reader.push("progress: 10%");
    expect(seen.text).toBe("progress: 10%");
  });

  it("keeps blank lines the learner printed", () => {
    const { reader, seen } = collect();
    reader.push("a\n\n\nb\n");
    reader.end();
    expect(seen.text).toBe("a\n\n\nb\n");
  });
});
