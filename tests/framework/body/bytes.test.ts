import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteQueue, ByteSearch, concatBytes } from "../../../framework/src/body/bytes";
import { bytes } from "./request-helpers";

function naiveIndexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = Math.max(0, from); i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe("ByteSearch", () => {
  it("finds a needle, respecting the start position", () => {
    const search = new ByteSearch(bytes("--b"));
    expect(search.indexOf(bytes("x\r\n--b"), 0)).toBe(3);
    expect(search.indexOf(bytes("--b--b"), 1)).toBe(3);
    expect(search.indexOf(bytes("--"), 0)).toBe(-1);
    expect(search.indexOf(bytes(""), 0)).toBe(-1);
  });

  it("rejects an empty needle", () => {
    expect(() => new ByteSearch(new Uint8Array(0))).toThrow(RangeError);
  });

  it("agrees with a naive search (property)", () => {
    const small = fc.uint8Array({ min: 0, max: 3, minLength: 0, maxLength: 60 });
    fc.assert(
      fc.property(small, fc.uint8Array({ min: 0, max: 3, minLength: 1, maxLength: 5 }), fc.nat(70), (hay, needle, from) => {
        expect(new ByteSearch(needle).indexOf(hay, from)).toBe(naiveIndexOf(hay, needle, from));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("ByteQueue", () => {
  it("appends, consumes from the front, and keeps the order across growth and compaction", () => {
    const queue = new ByteQueue();
    const expected: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const piece = Uint8Array.from({ length: (i % 7) + 1 }, (_, j) => (i + j) % 256);
      queue.push(piece);
      expected.push(...piece);
      const drop = i % 3 === 0 ? Math.min(queue.length, 5) : 0;
      queue.consume(drop);
      expected.splice(0, drop);
      expect(queue.length).toBe(expected.length);
    }
    expect([...queue.view()]).toEqual(expected);
    queue.consume(queue.length);
    expect(queue.view().length).toBe(0);
  });
});

describe("concatBytes", () => {
  it("joins chunks", () => {
    expect(concatBytes([bytes("ab"), bytes(""), bytes("c")])).toEqual(bytes("abc"));
    expect(concatBytes([])).toEqual(new Uint8Array(0));
  });
});
