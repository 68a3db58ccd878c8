import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { html } from "../../../framework/src/html";

/** Strings made of the pieces attackers use, mixed with arbitrary Unicode. */
const hostile = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.array(fc.constantFrom(
    "<", ">", '"', "'", "&", "`", "=", " ", "\t", "\n", "\u0000", "\u0001", "\u001f", "\u00a0", "\ufeff",
    "javascript:", "JaVaScRiPt:", "java", "script", ":", "&#x09;", "&#58;", "&colon;", "&#106;", "vbscript:",
    "data:", "text/html,", "alert(1)", "<script>", "</script>", "onerror=", "/", "#", "?",
  ), { maxLength: 12 }).map((pieces) => pieces.join("")),
);

/** Decodes character references once, as a browser does for an attribute value. */
function decode(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot));/gi, (_, hex?: string, dec?: string, name?: string) =>
    name !== undefined ? named[name] ?? "" : String.fromCodePoint(parseInt(hex ?? dec ?? "0", hex !== undefined ? 16 : 10)));
}

/** The part of `output` between the fixed `prefix` and `suffix` of the template. */
function interpolated(output: string, prefix: string, suffix: string): string {
  expect(output.startsWith(prefix)).toBe(true);
  expect(output.endsWith(suffix)).toBe(true);
  return output.slice(prefix.length, output.length - suffix.length);
}

/** Whether a browser could read `value` (an href as written) as a javascript: URL, stripping generously. */
function looksLikeJavascriptUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return decode(value).replace(/[\u0000-\u001f\u007f]/g, "").trim().toLowerCase().startsWith("javascript:");
}

describe("html escaping properties", () => {
  it("text: no unescaped < > \" ' where a string is interpolated, and it decodes back to the string", () => {
    fc.assert(fc.property(hostile, (s) => {
      const region = interpolated(html`<p>${s}</p>`.toString(), "<p>", "</p>");
      expect(region).not.toMatch(/[<>"']/);
      expect(decode(region)).toBe(s);
    }), { numRuns: 500 });
  });

  it("quoted attribute: no unescaped < > \" ' in the value", () => {
    fc.assert(fc.property(hostile, (s) => {
      const region = interpolated(html`<a title="${s}">`.toString(), '<a title="', '">');
      expect(region).not.toMatch(/[<>"']/);
      expect(decode(region)).toBe(s);
    }), { numRuns: 500 });
  });

  it("unquoted attribute: nothing that could end the value", () => {
    fc.assert(fc.property(hostile, (s) => {
      const region = interpolated(html`<a title=${s}>`.toString(), "<a title=", ">");
      if (s === "") {
        expect(region).toBe('""'); // an empty value is quoted, or the next attribute would slide in
      } else {
        expect(region).not.toMatch(/[<>"'`=\t\n\f\r ]/);
        expect(decode(region)).toBe(s);
      }
    }), { numRuns: 500 });
  });

  it("href: never a javascript: URL, quoted or not", () => {
    fc.assert(fc.property(hostile, (s) => {
      const quoted = interpolated(html`<a href="${s}">`.toString(), '<a href="', '">');
      expect(quoted).not.toMatch(/[<>"']/);
      expect(looksLikeJavascriptUrl(quoted)).toBe(false);
      const bare = interpolated(html`<a href=${s}>`.toString(), "<a href=", ">");
      expect(looksLikeJavascriptUrl(bare)).toBe(false);
    }), { numRuns: 1000 });
  });

  it("href: a scheme split across template text and values is still caught", () => {
    fc.assert(fc.property(hostile, hostile, (a, b) => {
      const output = html`<a href="${a}${b}">`.toString();
      const value = interpolated(output, '<a href="', '">');
      expect(looksLikeJavascriptUrl(value)).toBe(false);
      expect(looksLikeJavascriptUrl(interpolated(html`<a href="java${a}">`.toString(), '<a href="', '">'))).toBe(false);
    }), { numRuns: 500 });
  });
});
