import { describe, expect, it } from "vitest";
import { html, raw } from "../../../framework/src/html";

const render = (fragment: { toString(): string }) => fragment.toString();

describe("quoted attribute values", () => {
  it("cannot be broken out of with either quote", () => {
    expect(render(html`<a title="${'" onmouseover="x'}">`)).toBe('<a title="&quot; onmouseover=&quot;x">');
    expect(render(html`<img alt='${"' onerror='x"}'>`)).toBe("<img alt='&#39; onerror=&#39;x'>");
    expect(render(html`<a title="${"><script>x</script>"}">`)).toBe('<a title="&gt;&lt;script&gt;x&lt;/script&gt;">');
  });

  it("joins lists with spaces, so class lists read naturally", () => {
    expect(render(html`<p class="${["card", null, false, "wide"]}">`)).toBe('<p class="card wide">');
    expect(render(html`<p class="big ${["a", "b"]}">`)).toBe('<p class="big a b">');
  });

  it("renders nothing for null, undefined and false, and 0 as 0", () => {
    expect(render(html`<input value="${null}" data-a="${undefined}" data-b="${false}" data-c="${0}">`))
      .toBe('<input value="" data-a="" data-b="" data-c="0">');
  });

  it("handles several holes in one value", () => {
    expect(render(html`<p title="${"a"}-${'"'}-${"<"}">`)).toBe('<p title="a-&quot;-&lt;">');
  });
});

describe("unquoted attribute values", () => {
  it("escape whitespace, =, backticks and quotes so the value cannot end early", () => {
    expect(render(html`<a title=${"x onmouseover=alert(1)"}>`)).toBe("<a title=x&#32;onmouseover&#61;alert(1)>");
    expect(render(html`<a title=${"a\tb\nc`d'e\"f>g"}>`)).toBe("<a title=a&#9;b&#10;c&#96;d&#39;e&quot;f&gt;g>");
    expect(render(html`<a class=pre-${"x y"} id=z>`)).toBe("<a class=pre-x&#32;y id=z>");
  });

  it("quote an empty value so the next attribute does not become its value", () => {
    expect(render(html`<input value=${""} disabled>`)).toBe('<input value="" disabled>');
    expect(render(html`<input value=${null}>`)).toBe('<input value="">');
    expect(render(html`<a class=pre-${""} id=z>`)).toBe("<a class=pre- id=z>");
  });
});

describe("attributes that hold code", () => {
  it("refuses values in event handlers and srcdoc unless raw()", () => {
    expect(() => html`<button onclick="greet('${"x"}')">`).toThrow(/"onclick" attribute/);
    expect(() => html`<body ONLOAD=${"x"}>`).toThrow(/"onload" attribute/);
    expect(() => html`<iframe srcdoc="${"<script>alert(1)</script>"}">`).toThrow(/srcdoc/);
    expect(render(html`<button onclick="${raw("greet()")}">`)).toBe('<button onclick="greet()">');
  });

  it("escapes the style attribute as text (quotes cannot end it)", () => {
    expect(render(html`<p style="width: ${'50%" onclick="x'}">`)).toBe('<p style="width: 50%&quot; onclick=&quot;x">');
  });
});

describe("names", () => {
  it("cannot be interpolated, even raw", () => {
    expect(() => html`<${"script"}>`).toThrow(/tag or attribute name/);
    expect(() => html`<${raw("script")}>`).toThrow(/tag or attribute name/);
    expect(() => html`</${"p"}>`).toThrow(/tag or attribute name/);
    expect(() => html`<a data-${"x"}="1">`).toThrow(/tag or attribute name/);
  });
});

describe("objects between attributes", () => {
  it("become escaped attributes; true is bare, false/null/undefined are left out", () => {
    const attrs = { type: "checkbox", checked: true, disabled: false, title: '"><b>', "data-id": 7, hidden: null, lang: undefined };
    expect(render(html`<input ${attrs}>`)).toBe('<input type="checkbox" checked title="&quot;&gt;&lt;b&gt;" data-id="7">');
    expect(render(html`<a href="/"${{ rel: ["noopener", "noreferrer"] }}>`)).toBe('<a href="/" rel="noopener noreferrer">');
  });

  it("check URLs and refuse event handlers", () => {
    expect(render(html`<a ${{ href: "javascript:alert(1)" }}>`)).toBe('<a href="about:invalid#vial-unsafe-url">');
    expect(render(html`<object ${{ data: "javascript:x" }}>`)).toBe('<object data="about:invalid#vial-unsafe-url">');
    expect(render(html`<div ${{ data: "javascript:x" }}>`)).toBe('<div data="javascript:x">');
    expect(() => html`<a ${{ onclick: "alert(1)" }}>`).toThrow(/"onclick" attribute/);
  });

  it("refuse names that are not attribute names", () => {
    expect(() => html`<a ${{ 'x="1" onclick': "y" }}>`).toThrow(/not an attribute name/);
    expect(() => html`<a ${{ "a b": "y" }}>`).toThrow(/not an attribute name/);
  });

  it("take raw() markup, lists of objects and nothing", () => {
    expect(render(html`<a ${raw('id="x"')} ${[{ a: 1 }, { b: 2 }]} ${null}>`)).toBe('<a id="x" a="1" b="2" >');
  });

  it("refuse a plain string, which would be written as markup", () => {
    expect(() => html`<a ${'onclick="x"'}>`).toThrow(/between attributes/);
  });
});
