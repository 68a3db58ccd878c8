// The session object's access and modification tracking (Flask's SecureCookieSession and
// NullSession), which decides what is saved and when `Vary: Cookie` is sent.
import { describe, expect, it } from "vitest";
import { NullSession, Session } from "vial";

describe("Session", () => {
  it("starts neither accessed nor modified, with the given data", () => {
    const session = new Session({ user: "ada" });
    expect(session.accessed).toBe(false);
    expect(session.modified).toBe(false);
    expect(session.get("user")).toBe("ada");
  });

  it.each([
    ["get", (s: Session) => s.get("x")],
    ["get with a fallback", (s: Session) => s.get("missing", 1)],
    ["has", (s: Session) => s.has("x")],
    ["size", (s: Session) => s.size],
    ["keys", (s: Session) => s.keys()],
    ["entries", (s: Session) => s.entries()],
    ["toJSON", (s: Session) => s.toJSON()],
    ["permanent", (s: Session) => s.permanent],
  ])("counts %s as access but not as a change", (_name, read) => {
    const session = new Session({ x: 1 });
    read(session);
    expect(session.accessed).toBe(true);
    expect(session.modified).toBe(false);
  });

  it.each([
    ["set", (s: Session) => s.set("y", 2)],
    ["delete of a present key", (s: Session) => s.delete("x")],
    ["pop of a present key", (s: Session) => s.pop("x")],
    ["clear", (s: Session) => s.clear()],
    ["permanent = true", (s: Session) => (s.permanent = true)],
    ["modified = true", (s: Session) => (s.modified = true)],
  ])("counts %s as a change (and as access)", (_name, change) => {
    const session = new Session({ x: 1 });
    change(session);
    expect(session.modified).toBe(true);
    expect(session.accessed).toBe(true);
  });

  it("does not count deleting a missing key as a change", () => {
    const session = new Session({ x: 1 });
    expect(session.delete("nope")).toBe(false);
    expect(session.pop("nope", "fallback")).toBe("fallback");
    expect(session.modified).toBe(false);
    expect(session.accessed).toBe(true);
  });

  it("stores the permanent flag as Flask does, under _permanent", () => {
    const session = new Session();
    session.permanent = true;
    expect(session.toJSON()).toEqual({ _permanent: true });
    expect(new Session({ _permanent: true }).permanent).toBe(true);
    expect(new Session({ _permanent: "yes" }).permanent).toBe(false);
  });

  it("returns a fallback only for missing keys", () => {
    const session = new Session({ zero: 0, nothing: null });
    expect(session.get("zero", 5)).toBe(0);
    expect(session.get("nothing", 5)).toBe(null);
    expect(session.get("missing", 5)).toBe(5);
    expect(session.get("missing")).toBeUndefined();
  });

  it("keeps __proto__ as an ordinary key", () => {
    const data = JSON.parse('{"__proto__": {"admin": true}, "a": 1}') as Record<string, unknown>;
    const session = new Session(data);
    expect(session.keys().sort()).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(Object.keys(session.toJSON()).sort()).toEqual(["__proto__", "a"]);
  });
});

describe("NullSession", () => {
  it("reads as empty and refuses every change with a message about SECRET_KEY", () => {
    const session = new NullSession();
    expect(session.get("x")).toBeUndefined();
    expect(session.has("x")).toBe(false);
    expect(session.size).toBe(0);
    expect(session.permanent).toBe(false);
    for (const change of [
      () => session.set("x", 1),
      () => session.delete("x"),
      () => session.pop("x"),
      () => session.clear(),
      () => (session.permanent = true),
      () => (session.modified = true),
    ]) {
      expect(change).toThrow(/SECRET_KEY/);
    }
    expect(session.modified).toBe(false);
  });
});
