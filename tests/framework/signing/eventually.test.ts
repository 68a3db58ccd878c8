import { describe, expect, it } from "vitest";
import { after, settle } from "../../../framework/src/signing/eventually";

describe("after", () => {
  it("continues at once with a ready value, and after a promise with a pending one", async () => {
    expect(after(2, (n) => n * 3)).toBe(6);
    const later = after(Promise.resolve(2), (n) => n * 3);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(6);
  });
});

describe("settle", () => {
  it("hands a sync value, a sync throw, a resolution and a rejection to the same callback", async () => {
    const describeOutcome = (value: number | undefined, error: unknown) => (error ? `error ${(error as Error).message}` : `value ${value}`);
    expect(settle(() => 1, describeOutcome)).toBe("value 1");
    expect(
      settle(() => {
        throw new Error("now");
      }, describeOutcome),
    ).toBe("error now");
    expect(await settle(() => Promise.resolve(2), describeOutcome)).toBe("value 2");
    expect(await settle(() => Promise.reject(new Error("later")), describeOutcome)).toBe("error later");
  });

  it("treats a thrown undefined as an error, not as success", () => {
    const outcome = settle(
      () => {
        throw undefined;
      },
      (_value, error) => (error === undefined ? "success" : "error"),
    );
    expect(outcome).toBe("error");
  });
});
