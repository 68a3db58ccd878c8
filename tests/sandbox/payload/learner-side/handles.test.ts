import { describe, expect, it } from "vitest";
import { Vial } from "vial";
import { createHandleTable } from "../../../../sandbox/payload/learner-side/handles";

describe("the learner realm's handle table", () => {
  it("describes apps and functions by handle, data by value", () => {
    const table = createHandleTable();
    const app = { fetch: async () => new Response("") };
    const fn = function greet() {};
    expect(table.toRemote({ app, fn, n: 1, list: [true, null, undefined], when: new Date(5) })).toEqual({
      kind: "object",
      entries: [
        ["app", { kind: "app", handle: 1 }],
        ["fn", { kind: "function", handle: 2, name: "greet" }],
        ["n", { kind: "primitive", value: 1 }],
        ["list", { kind: "array", items: [{ kind: "primitive", value: true }, { kind: "primitive", value: null }, { kind: "special", value: "undefined" }] }],
        ["when", { kind: "date", time: 5 }],
      ],
    });
    expect(table.toRemote(app)).toEqual({ kind: "app", handle: 1 });
    expect(table.get(2)).toBe(fn);
  });

  it("sends a Vial app's URL map rules with its handle, so probes can try every route", () => {
    const app = new Vial();
    app.get("/notes/<int:id>", () => "");
    app.route("/notes", { methods: ["GET", "POST"] }, () => "");
    const described = createHandleTable().toRemote(app) as { kind: string; routes: { rule: string; methods: string[] }[] };
    expect(described.kind).toBe("app");
    expect(described.routes.map((route) => [route.rule, [...route.methods].sort()])).toEqual([
      ["/notes/<int:id>", ["GET", "HEAD", "OPTIONS"]],
      ["/notes", ["GET", "HEAD", "OPTIONS", "POST"]],
    ]);
  });

  it("numbers handles in the order values are first seen, so a fresh realm agrees", () => {
    const make = () => ({ a: () => 1, b: { fetch: () => 2 } });
    expect(createHandleTable().toRemote(make())).toEqual(createHandleTable().toRemote(make()));
  });

  it("describes what it cannot copy in words, and survives cycles", () => {
    const table = createHandleTable();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(table.toRemote(new Map())).toEqual({ kind: "opaque", description: "a Map" });
    expect(table.toRemote(cyclic)).toEqual({ kind: "object", entries: [["self", { kind: "opaque", description: "(a circular reference)" }]] });
  });

  it("turns handles sent back into the learner's own values", () => {
    const table = createHandleTable();
    const fn = () => 1;
    table.toRemote(fn);
    expect(table.fromRemote({ kind: "array", items: [{ kind: "function", handle: 1, name: "fn" }, { kind: "special", value: "-0" }] })).toEqual([fn, -0]);
    expect(() => table.fromRemote({ kind: "app", handle: 9 })).toThrow(/earlier run/);
  });
});
