import { describe, expect, it } from "vitest";
import { formatLog, inspect } from "../../../../sandbox/payload/runtime/format-log";

describe("formatLog", () => {
  it("prints strings as they are and other values inspected, space-separated, as Node does", () => {
    expect(formatLog(["user", { id: 7, name: "Ada" }, [1, "two"], null, undefined, 3n])).toBe("user { id: 7, name: 'Ada' } [ 1, 'two' ] null undefined 3n");
  });

  it("substitutes %s, %d, %i, %f, %j, %o and %%", () => {
    expect(formatLog(["%s has %d items (%i%%)", "cart", 3, 42.9])).toBe("cart has 3 items (42%)");
    expect(formatLog(["%j / %o / %f", { a: 1 }, [1], "2.5"])).toBe('{"a":1} / [ 1 ] / 2.5');
    expect(formatLog(["%s and %s", "one"])).toBe("one and %s");
    expect(formatLog(["%c styled", "color: red"])).toBe(" styled");
  });

  it("appends arguments left over after the substitutions", () => {
    expect(formatLog(["%s:", "count", 2, { ok: true }])).toBe("count: 2 { ok: true }");
  });

  it("prints an error with its stack", () => {
    const error = new TypeError("boom");
    expect(formatLog([error])).toContain("TypeError: boom");
    expect(formatLog(["failed:", error])).toContain("at ");
  });
});

describe("inspect", () => {
  it("marks cycles, limits depth and names classes", () => {
    const cycle: Record<string, unknown> = { name: "loop" };
    cycle.self = cycle;
    expect(inspect(cycle)).toBe("{ name: 'loop', self: [Circular *] }");
    expect(inspect({ a: { b: { c: { d: { e: 1 } } } } })).toBe("{ a: { b: { c: { d: [Object] } } } }");
    class Point {
      constructor(readonly x: number) {}
    }
    expect(inspect(new Point(1))).toBe("Point { x: 1 }");
  });

  it("shows maps, sets, dates, regexps, functions and byte arrays briefly", () => {
    expect(inspect(new Map([["a", 1]]))).toBe("Map(1) { 'a' => 1 }");
    expect(inspect(new Set([1, 2]))).toBe("Set(2) { 1, 2 }");
    expect(inspect(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
    expect(inspect(/x+/g)).toBe("/x+/g");
    expect(inspect(function handler() {})).toBe("[Function: handler]");
    expect(inspect(new Uint8Array(3))).toBe("Uint8Array(3) [bytes]");
    expect(inspect({ "content-type": "text/html", [Symbol.iterator]: 1 })).toBe("{ 'content-type': 'text/html' }");
  });

  it("cuts long arrays", () => {
    expect(inspect(Array.from({ length: 102 }, (_, i) => i))).toMatch(/98, 99, \.\.\. 2 more items \]$/);
  });
});
