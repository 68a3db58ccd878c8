import { describe, expect, it } from "vitest";
import { MultiDict } from "../../../framework/src/http/multidict";

describe("MultiDict", () => {
  const sample = () => new MultiDict<string>([["a", "1"], ["b", "2"], ["a", "3"], ["c", "4"]]);

  it("get returns the first value, getAll every value in order", () => {
    const md = sample();
    expect(md.get("a")).toBe("1");
    expect(md.getAll("a")).toEqual(["1", "3"]);
    expect(md.get("missing")).toBeUndefined();
    expect(md.getAll("missing")).toEqual([]);
  });

  it("getAll returns a copy", () => {
    const md = sample();
    md.getAll("a").push("x");
    expect(md.getAll("a")).toEqual(["1", "3"]);
  });

  it("has, size (unique keys), keys in first-seen order", () => {
    const md = sample();
    expect(md.has("b")).toBe(true);
    expect(md.has("z")).toBe(false);
    expect(md.size).toBe(3);
    expect([...md.keys()]).toEqual(["a", "b", "c"]);
  });

  it("entries and iteration give every pair in insertion order", () => {
    const md = sample();
    const expected = [["a", "1"], ["b", "2"], ["a", "3"], ["c", "4"]];
    expect([...md.entries()]).toEqual(expected);
    expect([...md]).toEqual(expected);
  });

  it("append adds after existing values", () => {
    const md = new MultiDict<number>();
    md.append("n", 1);
    md.append("m", 2);
    md.append("n", 3);
    expect(md.getAll("n")).toEqual([1, 3]);
    expect(md.size).toBe(2);
    expect([...md]).toEqual([["n", 1], ["m", 2], ["n", 3]]);
  });

  it("toObject gives single values or arrays for repeated keys", () => {
    expect(sample().toObject()).toEqual({ a: ["1", "3"], b: "2", c: "4" });
    expect(new MultiDict().toObject()).toEqual({});
  });

  it("toObject treats __proto__ as an ordinary key (no prototype pollution)", () => {
    const md = new MultiDict<string>([["__proto__", "x"], ["__proto__", "y"], ["ok", "1"]]);
    const obj = md.toObject();
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(Object.keys(obj)).toEqual(["__proto__", "ok"]);
    expect(Object.getOwnPropertyDescriptor(obj, "__proto__")?.value).toEqual(["x", "y"]);
    expect(({} as Record<string, unknown>).ok).toBeUndefined();
  });

  it("toObject arrays are copies", () => {
    const md = sample();
    (md.toObject().a as string[]).push("z");
    expect(md.getAll("a")).toEqual(["1", "3"]);
  });

  it("is accepted by new Map and Object.fromEntries (last value wins there)", () => {
    expect(Object.fromEntries(sample())).toEqual({ a: "3", b: "2", c: "4" });
  });
});
