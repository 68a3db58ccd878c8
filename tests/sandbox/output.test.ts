import { describe, expect, it } from "vitest";
import { OutputStream } from "../../sandbox/output";

async function readAll(stream: AsyncIterable<string>): Promise<string[]> {
  const seen: string[] = [];
  for await (const text of stream) seen.push(text);
  return seen;
}

describe("OutputStream", () => {
  it("gives every reader what was pushed after it started, and ends on close", async () => {
    const output = new OutputStream();
    output.push("before anyone reads\n");
    const first = readAll(output);
    const second = readAll(output);
    output.push("a");
    output.push("b");
    output.close();
    expect(await first).toEqual(["a", "b"]);
    expect(await second).toEqual(["a", "b"]);
  });

  it("drops the oldest chunks for a reader that falls far behind", async () => {
    const output = new OutputStream();
    const reader = output[Symbol.asyncIterator]();
    const pending = reader.next();
    for (let i = 0; i < 5000; i++) output.push(`${i}\n`);
    output.close();
    const seen = [(await pending).value as string];
    for (let next = await reader.next(); !next.done; next = await reader.next()) seen.push(next.value);
    expect(seen.length).toBeLessThanOrEqual(1001);
    expect(seen.at(-1)).toBe("4999\n");
  });

  it("stops delivering to a reader that returned", async () => {
    const output = new OutputStream();
    const reader = output[Symbol.asyncIterator]();
    await reader.return?.();
    output.push("x");
    output.close();
    expect((await reader.next()).done).toBe(true);
  });
});
