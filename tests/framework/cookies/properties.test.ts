import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializeCookie } from "../../../framework/src/cookies";

describe("serializeCookie properties", () => {
  it("either throws a TypeError or writes a header whose name=value pair is exactly the input", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, value) => {
        let header: string;
        try {
          header = serializeCookie(name, value, { path: "/", httpOnly: true });
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          return;
        }
        // Nothing in the name or value can start a new attribute or a second cookie.
        const [pair, ...attributes] = header.split("; ");
        expect(pair).toBe(`${name}=${value}`);
        expect(attributes).toEqual(["Path=/", "HttpOnly"]);
        expect(header).toMatch(/^[\x21-\x7e ]+$/);
      }),
      { numRuns: 500 },
    );
  });

  it("accepts every encodeURIComponent-encoded value", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const value = encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ""));
        expect(serializeCookie("n", value)).toBe(`n=${value}`);
      }),
    );
  });
});

describe("cookie values", () => {
  it("are accepted exactly when they are RFC 6265 cookie-octets (property)", () => {
    const octets = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.string({ maxLength: 40 })), (value) => {
        let accepted = true;
        try {
          serializeCookie("n", value);
        } catch {
          accepted = false;
        }
        expect(accepted).toBe(octets.test(value));
      }),
      { numRuns: 3000 },
    );
  });
});
