import { describe, expect, it } from "vitest";
import { html, HtmlString, isHtmlString, raw } from "../../../framework/src/html";

describe("HtmlString, raw and isHtmlString", () => {
  it("raw() wraps a string as markup, and leaves markup as it is", () => {
    const markup = raw("<b>x</b>");
    expect(markup).toBeInstanceOf(HtmlString);
    expect(markup.markup).toBe("<b>x</b>");
    expect(raw(markup)).toBe(markup);
  });

  it("raw() refuses what is not a string", () => {
    expect(() => raw(5 as unknown as string)).toThrow(TypeError);
  });

  it("isHtmlString tells markup from text", () => {
    expect(isHtmlString(html`<p></p>`)).toBe(true);
    expect(isHtmlString(raw(""))).toBe(true);
    expect(isHtmlString("<p></p>")).toBe(false);
    expect(isHtmlString({ markup: "<p></p>" })).toBe(false);
    expect(isHtmlString(JSON.parse('{"markup":"<script>","Symbol(vial.HtmlString)":true}'))).toBe(false);
    expect(isHtmlString(null)).toBe(false);
  });

  it("recognises markup made by another copy of Vial", () => {
    const foreign = { markup: "<i>x</i>", toString: () => "<i>x</i>" };
    Object.defineProperty(foreign, Symbol.for("vial.HtmlString"), { value: true });
    expect(isHtmlString(foreign)).toBe(true);
    expect(html`<p>${foreign}</p>`.toString()).toBe("<p><i>x</i></p>");
  });
});
