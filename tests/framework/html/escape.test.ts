import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../framework/src/html";
import { escapeUnquotedAttribute } from "../../../framework/src/html/escape";

describe("escapeHtml", () => {
  it("escapes the five special characters and nothing else", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
    expect(escapeHtml("plain text é ✓ = `")).toBe("plain text é ✓ = `");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});

describe("escapeUnquotedAttribute", () => {
  it("also escapes whitespace, = and backticks", () => {
    expect(escapeUnquotedAttribute("a b\t=`")).toBe("a&#32;b&#9;&#61;&#96;");
  });
});
