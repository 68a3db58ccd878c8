import { describe, expect, it } from "vitest";
import { createLineReader, decodeLine, encodeLine } from "../../../../sandbox/payload/realm/wire";

describe("wire", () => {
  it("round-trips a message with bytes of every length through one line", () => {
    for (const length of [0, 1, 2, 3, 4, 255, 1000]) {
      const body = Uint8Array.from({ length }, (_, i) => (i * 37) % 256);
      const line = encodeLine({ type: "response", id: 1, response: { body } });
      expect(line.endsWith("\n")).toBe(true);
      expect(line.slice(0, -1)).not.toContain("\n");
      expect(decodeLine(line.slice(0, -1))).toEqual({ type: "response", id: 1, response: { body } });
      expect(Buffer.from(body).toString("base64")).toBe((JSON.parse(line) as { response: { body: { $bytes: string } } }).response.body.$bytes);
    }
  });

  it("refuses a bad bytes tag", () => {
    expect(() => decodeLine('{"body":{"$bytes":"!!!!"}}')).toThrow();
    expect(() => decodeLine('{"body":{"$bytes":"aGk=","extra":1}}')).toThrow();
  });

  it("splits chunks into messages and reports lines that are not messages", () => {
    const messages: unknown[] = [];
    const bad: string[] = [];
    const reader = createLineReader((message) => messages.push(message), (reason) => bad.push(reason));
    const text = encodeLine({ type: "pong", id: 1 }) + "not json\n" + encodeLine({ type: "pong", id: 2 });
    for (const char of text) reader.push(char);
    expect(messages).toEqual([{ type: "pong", id: 1 }, { type: "pong", id: 2 }]);
    expect(bad).toEqual(["a line that is not a message"]);
  });
});
