import { describe, expect, expectTypeOf, it } from "vitest";
import { html, HtmlString, raw } from "../../../framework/src/html";

const render = (fragment: HtmlString) => fragment.toString();

describe("html tagged template: text", () => {
  it("escapes hostile text", () => {
    expect(render(html`<p>${"<script>alert(1)</script>"}</p>`)).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(render(html`<p>${`Tom & "Jerry" 'n'`}</p>`)).toBe("<p>Tom &amp; &quot;Jerry&quot; &#39;n&#39;</p>");
  });

  it("returns an HtmlString whose toString and toJSON give the markup", () => {
    const fragment = html`<b>${1}</b>`;
    expect(fragment).toBeInstanceOf(HtmlString);
    expect(String(fragment)).toBe("<b>1</b>");
    expect(JSON.stringify({ fragment })).toBe('{"fragment":"<b>1</b>"}');
  });

  it("composes nested templates without escaping them twice", () => {
    const item = (name: string) => html`<li>${name}</li>`;
    const list = html`<ul>${item("a&b")}</ul>`;
    expect(render(html`<div>${list}</div>`)).toBe("<div><ul><li>a&amp;b</li></ul></div>");
  });

  it("joins arrays and other iterables, escaping each item", () => {
    expect(render(html`<ul>${["<a>", html`<li>ok</li>`, "b"]}</ul>`)).toBe("<ul>&lt;a&gt;<li>ok</li>b</ul>");
    expect(render(html`<p>${new Set(["x", "y"])}</p>`)).toBe("<p>xy</p>");
    function* numbers() { yield 1; yield 2; }
    expect(render(html`<p>${numbers()}</p>`)).toBe("<p>12</p>");
    expect(render(html`<p>${[["a", ["<b>"]], null]}</p>`)).toBe("<p>a&lt;b&gt;</p>");
  });

  it("renders nothing for null, undefined and false, but 0 as 0", () => {
    expect(render(html`<p>${null}${undefined}${false}</p>`)).toBe("<p></p>");
    expect(render(html`<p>${0}|${0n}|${-1.5}|${true}</p>`)).toBe("<p>0|0|-1.5|true</p>");
    const empty: string[] = [];
    expect(render(html`<ul>${empty}</ul>`)).toBe("<ul></ul>");
  });

  it("turns other objects into escaped strings", () => {
    const thing = { toString: () => "<thing>" };
    expect(render(html`<p>${thing}</p>`)).toBe("<p>&lt;thing&gt;</p>");
    expect(render(html`<p>${new URL("https://x.test/?a=<b>")}</p>`)).toBe("<p>https://x.test/?a=%3Cb%3E</p>");
  });

  it("inserts raw() verbatim", () => {
    expect(render(html`<p>${raw("<em>trusted</em>")}</p>`)).toBe("<p><em>trusted</em></p>");
  });

  it("escapes text inside comments, <textarea> and <title> so they cannot be closed early", () => {
    expect(render(html`<!-- ${"--><script>x</script>"} -->`)).toBe("<!-- --&gt;&lt;script&gt;x&lt;/script&gt; -->");
    expect(render(html`<textarea>${"</textarea><b>"}</textarea>`)).toBe("<textarea>&lt;/textarea&gt;&lt;b&gt;</textarea>");
    expect(render(html`<title>${"</title>"}</title>`)).toBe("<title>&lt;/title&gt;</title>");
  });

  it("refuses a Promise with a TypeError telling to await it", () => {
    const pending = Promise.resolve("x");
    expect(() => html`<p>${pending}</p>`).toThrow(TypeError);
    expect(() => html`<p>${pending}</p>`).toThrow(/await/);
    expect(() => html`<a title="${pending}">`).toThrow(/await/);
  });

  it("refuses a function, which was almost certainly meant to be called", () => {
    const partial = () => html`<p>hi</p>`;
    expect(() => html`<div>${partial}</div>`).toThrow(/call it/);
  });

  it("supports layouts and partials as plain functions", () => {
    const layout = (title: string, body: HtmlString) => html`<title>${title}</title><main>${body}</main>`;
    const card = (user: { name: string }) => html`<li>${user.name}</li>`;
    const page = layout("<Users>", html`<ul>${[{ name: "Ada" }, { name: "<Bob>" }].map(card)}</ul>`);
    expect(render(page)).toBe("<title>&lt;Users&gt;</title><main><ul><li>Ada</li><li>&lt;Bob&gt;</li></ul></main>");
  });
});

describe("html tagged template: <script> and <style>", () => {
  it("refuses interpolation inside <script> and <style> with a clear error", () => {
    expect(() => html`<script>const name = "${"x"}";</script>`).toThrow(/refusing to interpolate into <script>/);
    expect(() => html`<SCRIPT type="module">${"x"}</SCRIPT>`).toThrow(/<script>/);
    expect(() => html`<style>p { color: ${"red"} }</style>`).toThrow(/<style>/);
    expect(() => html`<script/>${"x"}`).toThrow(/<script>/);
  });

  it("allows raw() and empty values inside <script>", () => {
    expect(render(html`<script>${raw("go()")}${null}</script>`)).toBe("<script>go()</script>");
  });

  it("goes back to escaping text once the element is closed", () => {
    expect(render(html`<script>const a = "</p>";</script ><p>${"<i>"}</p>`)).toBe('<script>const a = "</p>";</script ><p>&lt;i&gt;</p>');
    expect(render(html`<script>x</scripty></script><b>${"<"}</b>`)).toBe("<script>x</scripty></script><b>&lt;</b>");
  });

  it("does not take <script> written inside an attribute or comment for a script element", () => {
    expect(render(html`<a title="<script>">${"<"}</a>`)).toBe('<a title="<script>">&lt;</a>');
    expect(render(html`<!-- <script> -->${"<"}`)).toBe("<!-- <script> -->&lt;");
  });
});

describe("html(body, init): the response helper", () => {
  it("answers text/html; charset=utf-8 with the markup", async () => {
    const response = html(html`<p>${"<hi>"}</p>`);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe("<p>&lt;hi&gt;</p>");
  });

  it("takes a plain string as markup and honours init", async () => {
    const response = html("<h1>Created</h1>", { status: 201, headers: { "x-id": "7" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-id")).toBe("7");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe("<h1>Created</h1>");
  });

  it("keeps a content-type the caller chose", () => {
    const response = html("<svg/>", { headers: { "Content-Type": "image/svg+xml" } });
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("refuses a body that is neither string nor HtmlString", () => {
    expect(() => html({} as unknown as string)).toThrow(/tagged template/);
  });

  it("is typed per call form", () => {
    expectTypeOf(html`<p></p>`).toEqualTypeOf<HtmlString>();
    expectTypeOf(html("x", { status: 201 })).toEqualTypeOf<Response>();
    expectTypeOf(html(html`<p></p>`)).toEqualTypeOf<Response>();
    // @ts-expect-error: a number is not a body
    expect(() => html(5)).toThrow(TypeError);
  });
});
