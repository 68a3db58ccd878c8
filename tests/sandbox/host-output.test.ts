import { describe, expect, it } from "vitest";
import { readHostOutput, type HostOutputState } from "../../sandbox/host-output";
import { createMarker } from "../../sandbox/payload/protocol";

function run(outputLimitBytes = 1024) {
  const state: HostOutputState = { events: [], outputExceeded: false, forgedLines: 0, tail: "" };
  const printed: string[] = [];
  const events: unknown[] = [];
  let stops = 0;
  const { reader, text } = readHostOutput(state, {
    nonce: "n0nce",
    outputLimitBytes,
    onOutput: (chunk) => printed.push(chunk),
    onEvent: (event) => events.push(event),
    stop: () => stops++,
  });
  return { state, printed, events, reader, text, stops: () => stops };
}

describe("readHostOutput", () => {
  it("passes output on and takes the host's marked lines as report and events", () => {
    const r = run();
    r.reader.push(`hello\n${createMarker("n0nce", "event", { type: "listening" })}`);
    r.reader.push(createMarker("n0nce", "report", { status: "pass" }));
    r.reader.push(`${createMarker("wrong", "report", { status: "forged" })}bye\n`);
    r.reader.end();
    expect(r.printed.join("")).toContain("hello");
    expect(r.printed.join("")).toContain("bye");
    expect(r.state.report).toEqual({ status: "pass" });
    expect(r.state.events).toEqual([{ type: "listening" }]);
    expect(r.events).toEqual([{ type: "listening" }]);
    expect(r.state.forgedLines).toBe(1);
  });

  it("stops the run once, when the output passes the limit counted in UTF-8 bytes", () => {
    const r = run(10);
    r.text("ééééé"); // 10 bytes: at the limit, still printed
    expect([r.state.outputExceeded, r.stops()]).toEqual([false, 0]);
    r.text("é");
    r.text("more");
    expect([r.state.outputExceeded, r.stops()]).toEqual([true, 1]);
    expect(r.printed).toEqual(["ééééé"]);
  });

  it("keeps the last 8 KiB as the tail for error reports", () => {
    const r = run(1 << 20);
    r.text("a".repeat(9000));
    r.text("end");
    expect(r.state.tail.length).toBe(8 * 1024);
    expect(r.state.tail.endsWith("aend")).toBe(true);
  });
});
