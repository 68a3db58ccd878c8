import { describe, expect as vitestExpect, it } from "vitest";
import { expect } from "../../../sandbox/grader/expect";
import { CheckFailure } from "../../../sandbox/grader/failure";

/** The failure message of an expectation that must fail. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    vitestExpect(error).toBeInstanceOf(CheckFailure);
    return (error as Error).message;
  }
  throw new Error("expected the expectation to fail");
}

async function asyncFailure(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  vitestExpect(error).toBeInstanceOf(CheckFailure);
  return (error as Error).message;
}

describe("expect", () => {
  it("passes silently when a matcher holds", () => {
    expect(200, "status").toBe(200);
    expect({ a: [1, { b: 2 }] }).toEqual({ a: [1, { b: 2 }] });
    expect("Hello, Vial").toContain("Vial");
    expect([{ id: 1 }, { id: 2 }]).toContain({ id: 2 });
    expect("abc123").toMatch(/\d+/);
    expect(0).toBeDefined();
    expect(undefined).toBeUndefined();
    expect("x").toBeTruthy();
    expect("").toBeFalsy();
    expect(3).toBeGreaterThan(2);
    expect(2).toBeLessThan(3);
    expect({ user: { name: "Ada" } }).toHaveProperty("user.name", "Ada");
    expect([1, 2, 3]).toHaveLength(3);
  });

  it("says what was expected and what came back, under the label", () => {
    vitestExpect(failure(() => expect(404, "status of GET /").toBe(200))).toBe("status of GET /: expected 200, got 404.");
    vitestExpect(failure(() => expect(404).toBe(200))).toBe("Expected 200, got 404.");
  });

  it("points out a value of the wrong kind", () => {
    vitestExpect(failure(() => expect("200", "status").toBe(200))).toBe('status: expected 200, got "200" (a string).');
  });

  it("flips every matcher with .not", () => {
    vitestExpect(failure(() => expect(200, "status").not.toBe(200))).toBe("status: expected anything but 200, got 200.");
    vitestExpect(failure(() => expect("a Traceback here", "body").not.toContain("Traceback"))).toBe('body: expected text without "Traceback", got "a Traceback here".');
    expect(1).not.toEqual(2);
  });

  it("compares structure with toEqual, ignoring keys that hold undefined", () => {
    expect({ a: 1, b: undefined }).toEqual({ a: 1 });
    vitestExpect(failure(() => expect({ id: "7" }).toEqual({ id: 7 }))).toBe('Expected {"id":7}, got {"id":"7"}.');
    vitestExpect(failure(() => expect([1, 2]).toEqual([1, 2, 3]))).toContain("[1,2,3]");
  });

  it("explains toContain on something that is neither text nor a list", () => {
    vitestExpect(failure(() => expect(42, "body").toContain("4"))).toBe('body: expected text or a list containing "4", got 42 (a number).');
  });

  it("cuts long values in messages", () => {
    const message = failure(() => expect("x".repeat(5000)).toBe("y"));
    vitestExpect(message.length).toBeLessThan(400);
    vitestExpect(message).toContain("…");
  });

  it("reports missing properties and lengths in plain words", () => {
    vitestExpect(failure(() => expect({ a: 1 }).toHaveProperty("b"))).toBe('Expected a value with the property "b", got {"a":1}.');
    vitestExpect(failure(() => expect({ a: 1 }).toHaveProperty("a", 2))).toBe('Expected "a" to be 2, got "a" = 1.');
    vitestExpect(failure(() => expect([1]).toHaveLength(2))).toBe("Expected length 2, got length 1: [1].");
    vitestExpect(failure(() => expect(5).toHaveLength(2))).toContain("which has no length");
  });

  it("checks thrown errors with toThrow, by message, pattern or class", () => {
    expect(() => JSON.parse("{")).toThrow();
    expect(() => { throw new RangeError("too big"); }).toThrow("too big");
    expect(() => { throw new RangeError("too big"); }).toThrow(/big$/);
    expect(() => { throw new RangeError("too big"); }).toThrow(RangeError);
    vitestExpect(failure(() => expect(() => 1).toThrow())).toBe("Expected an error to be thrown, got it finished without throwing.");
    vitestExpect(failure(() => expect(() => { throw new Error("nope"); }).toThrow("yes"))).toContain('it threw Error("nope")');
    expect(() => 1).not.toThrow();
  });

  it("waits for async functions in toThrow", async () => {
    await expect(async () => { throw new Error("later"); }).toThrow("later");
    vitestExpect(await asyncFailure(async () => expect(async () => 1).toThrow())).toContain("finished without throwing");
  });

  it("applies matchers to settled promises with resolves and rejects", async () => {
    await expect(Promise.resolve(3)).resolves.toBe(3);
    await expect(Promise.reject(new Error("denied"))).rejects.toThrow("denied");
    await expect(Promise.resolve(3)).resolves.not.toBe(4);
    vitestExpect(await asyncFailure(() => expect(Promise.resolve(1), "login").rejects.toThrow())).toBe("login: expected the promise to reject, but it resolved.");
    vitestExpect(await asyncFailure(() => expect(Promise.reject(new Error("x"))).resolves.toBe(1))).toContain('rejected with Error("x")');
  });
});
