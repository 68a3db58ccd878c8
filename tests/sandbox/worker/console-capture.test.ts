import { describe, expect, it, vi } from "vitest";
import { captureConsole, createOutputSink } from "../../../sandbox/engines/worker/host/console-capture";

function sink(limit: number) {
  const sent: string[] = [];
  const later: (() => void)[] = [];
  const onExceeded = vi.fn();
  const output = createOutputSink({ send: (text) => sent.push(text), onExceeded, limit, schedule: (flush) => later.push(flush) });
  return { output, sent, onExceeded, runLater: () => later.splice(0).forEach((flush) => flush()) };
}

describe("createOutputSink", () => {
  it("gathers small writes into one message, sent once the code goes quiet", () => {
    const { output, sent, runLater } = sink(1000);
    output.write("a\n");
    output.write("b\n");
    expect(sent).toEqual([]);
    runLater();
    expect(sent).toEqual(["a\nb\n"]);
  });

  it("sends at once when a batch fills up, so a busy loop still shows its output", () => {
    const { output, sent } = sink(1_000_000);
    for (let i = 0; i < 2000; i++) output.write("0123456789\n");
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]!.length).toBeGreaterThanOrEqual(16 * 1024);
  });

  it("flush() sends what is gathered now", () => {
    const { output, sent } = sink(1000);
    output.write("before the report\n");
    output.flush();
    expect(sent).toEqual(["before the report\n"]);
  });

  it("stops at the limit: sends up to it, says so once, then ignores the rest", () => {
    const { output, sent, onExceeded } = sink(10);
    output.write("123456");
    output.write("7890abcdef");
    output.write("more");
    expect(sent.join("")).toBe("1234567890");
    expect(onExceeded).toHaveBeenCalledTimes(1);
    expect(output.exceeded).toBe(true);
  });
});

describe("captureConsole", () => {
  it("formats console calls like Node and sends them to the sink", () => {
    const { output, sent } = sink(1000);
    const fakeConsole = { ...console };
    captureConsole(fakeConsole, output);
    fakeConsole.log("%d checks", 2);
    fakeConsole.error("bad:", { code: 1 });
    fakeConsole.dir([1]);
    output.flush();
    expect(sent.join("")).toBe("2 checks\nbad: { code: 1 }\n[ 1 ]\n");
  });

  it("throws once the output limit is passed, so a runaway loop ends sooner", () => {
    const { output } = sink(20);
    const fakeConsole = { ...console };
    captureConsole(fakeConsole, output);
    expect(() => {
      for (let i = 0; i < 1000; i++) fakeConsole.log("flooding", i);
    }).toThrow("The output limit was reached.");
  });
});
