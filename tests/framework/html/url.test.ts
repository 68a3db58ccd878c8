import { describe, expect, it } from "vitest";
import { html, raw } from "../../../framework/src/html";
import { isSafeUrl, UNSAFE_URL } from "../../../framework/src/html/url";

const href = (url: string) => html`<a href="${url}">`.toString();
const refused = `<a href="${UNSAFE_URL}">`;

describe("URL attributes", () => {
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "\u0001javascript:alert(1)",
    "  \n\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
    "java\u0000script:alert(1)",
    "\u00a0javascript:alert(1)",
    "\ufeffjavascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2Zz4=",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "file:///etc/passwd",
  ])("refuses %j", (url) => {
    expect(href(url)).toBe(refused);
  });

  it.each([
    "https://example.com/a?b=c#d",
    "http://example.com",
    "HTTPS://EXAMPLE.COM",
    "mailto:ada@example.com",
    "tel:+441234",
    "/users/1",
    "users/1?q=javascript:alert(1)",
    "#top",
    "?page=2",
    "//cdn.example.com/x.js",
    "data:image/png;base64,iVBORw0KGgo=",
  ])("keeps %j", (url) => {
    expect(href(url)).toBe(`<a href="${url.replace(/&/g, "&amp;")}">`);
  });

  it("checks every URL attribute, quoted or not", () => {
    expect(html`<img src=${"javascript:x"}>`.toString()).toBe(`<img src=${UNSAFE_URL}>`);
    expect(html`<form action='${"javascript:x"}'>`.toString()).toBe(`<form action='${UNSAFE_URL}'>`);
    expect(html`<button formaction="${"javascript:x"}">`.toString()).toBe(`<button formaction="${UNSAFE_URL}">`);
    expect(html`<svg><a xlink:href="${"javascript:x"}">`.toString()).toBe(`<svg><a xlink:href="${UNSAFE_URL}">`);
    for (const attribute of ["poster", "cite", "background", "src", "href"]) {
      expect(html`<x ${{ [attribute]: "javascript:x" }}>`.toString()).toBe(`<x ${attribute}="${UNSAFE_URL}">`);
    }
  });

  it("leaves non-URL attributes alone", () => {
    expect(html`<a title="${"javascript:alert(1)"}">`.toString()).toBe('<a title="javascript:alert(1)">');
  });

  it("lets the fixed part of the template decide the scheme", () => {
    expect(html`<a href="/search?q=${"javascript:alert(1)"}">`.toString()).toBe('<a href="/search?q=javascript:alert(1)">');
    expect(html`<a href="https://x.test/${"javascript:x"}">`.toString()).toBe('<a href="https://x.test/javascript:x">');
  });

  it("catches a scheme assembled from template text and several values", () => {
    expect(html`<a href="java${"script:alert(1)"}">`.toString()).not.toMatch(/href="javascript:/i);
    expect(html`<a href="${"javascript"}:alert(1)">`.toString()).toBe(`<a href="${UNSAFE_URL}:alert(1)">`);
    const split = html`<a href="${"java"}${"script:alert(1)"}">`.toString();
    expect(split).toBe(`<a href="java${UNSAFE_URL}">`);
    expect(html`<a href="${"javascript:x"}/${"y"}">`.toString()).toBe(`<a href="${UNSAFE_URL}/">`);
  });

  it("trusts raw() and nested templates, which the author wrote", () => {
    expect(html`<a href="${raw("javascript:void 0")}">`.toString()).toBe('<a href="javascript:void 0">');
  });

  it("escapes a safe URL like any attribute value", () => {
    expect(href('/a?x=1&y="2"')).toBe('<a href="/a?x=1&amp;y=&quot;2&quot;">');
  });
});

describe("isSafeUrl", () => {
  it("allows relative URLs and allowlisted schemes only", () => {
    expect(isSafeUrl("")).toBe(true);
    expect(isSafeUrl("1javascript:x")).toBe(true);
    expect(isSafeUrl("ftp://x")).toBe(true);
    expect(isSafeUrl("blob:https://x/y")).toBe(false);
    expect(isSafeUrl("custom-app:open")).toBe(false);
  });
});
