import { describe, expect, it } from "vitest";
import { sessionSerializer } from "../../../framework/src/signing";

const GOLDEN = "eyJuYW1lIjoiWm9cdTAwZWIiLCJ1c2VyX2lkIjo0Mn0.ZVPxAA.OYrJ2pZY7DUbFlo0eNS8XIeX3dg";

describe("Flask session golden vector", () => {
  it("dumps exactly what itsdangerous writes", async () => {
    const serializer = sessionSerializer("dev-secret", { now: () => 1700000000 });
    expect(await serializer.dumps({ user_id: 42, name: "Zoë" })).toBe(GOLDEN);
  });

  it("loads it back", async () => {
    const serializer = sessionSerializer("dev-secret", { now: () => 1700000100 });
    expect(await serializer.loads(GOLDEN, { maxAge: 3600 })).toEqual({ user_id: 42, name: "Zoë" });
  });
});
