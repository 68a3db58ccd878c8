// Config — ported from Flask's tests/test_config.py (from_object, from_prefixed_env).
import { describe, expect, it } from "vitest";
import { Config, Vial } from "vial";

describe("Config", () => {
  it("has Flask's defaults", () => {
    const config = new Config();
    expect(config.DEBUG).toBe(false);
    expect(config.SECRET_KEY).toBeUndefined();
    expect(config.PERMANENT_SESSION_LIFETIME).toBe(31 * 24 * 3600);
    expect(config.SESSION_COOKIE_NAME).toBe("session");
    expect(config.SESSION_COOKIE_HTTPONLY).toBe(true);
    expect(config.MAX_CONTENT_LENGTH).toBeNull();
    expect(config.MAX_FORM_MEMORY_SIZE).toBe(500_000);
    expect(config.MAX_FORM_PARTS).toBe(1000);
  });

  it("takes initial values from the constructor", () => {
    const app = new Vial({ config: { SECRET_KEY: "dev", DEBUG: true } });
    expect(app.config.SECRET_KEY).toBe("dev");
    expect(app.config.DEBUG).toBe(true);
  });

  it("loads only upper-case keys from objects", () => {
    const config = new Config().fromObject({ SECRET_KEY: "k", lower: 1, Mixed: 2, TEST_KEY: "t" });
    expect(config.SECRET_KEY).toBe("k");
    expect(config.TEST_KEY).toBe("t");
    expect(config.lower).toBeUndefined();
    expect(config.Mixed).toBeUndefined();
  });

  it("loads prefixed env vars, parsing JSON where it parses", () => {
    const config = new Config().fromEnv("VIAL", {
      VIAL_STRING: "value",
      VIAL_BOOL: "true",
      VIAL_INT: "1",
      VIAL_FLOAT: "1.2",
      VIAL_LIST: "[1, 2]",
      VIAL_DICT: '{"k": "v"}',
      NOT_VIAL_OTHER: "other",
    });
    expect(config.STRING).toBe("value");
    expect(config.BOOL).toBe(true);
    expect(config.INT).toBe(1);
    expect(config.FLOAT).toBe(1.2);
    expect(config.LIST).toEqual([1, 2]);
    expect(config.DICT).toEqual({ k: "v" });
    expect(config.OTHER).toBeUndefined();
  });

  it("nests A__B keys, creating objects as needed, in sorted key order", () => {
    const config = new Config().fromObject({ EXIST: { ok: "value", flag: "no" } });
    config.fromEnv("VIAL", {
      VIAL_EXIST__ok: "other",
      VIAL_EXIST__inner__ik: "2",
      VIAL_EXIST__new__more: '{"k": false}',
      VIAL_NEW__K: "v",
    });
    expect(config.EXIST).toEqual({ ok: "other", flag: "no", inner: { ik: 2 }, new: { more: { k: false } } });
    expect(config.NEW).toEqual({ K: "v" });
  });

  it("gives a namespace", () => {
    const config = new Config();
    expect(config.getNamespace("SESSION_COOKIE_")).toMatchObject({ name: "session", httponly: true });
  });
});
