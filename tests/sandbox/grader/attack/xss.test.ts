import { describe, expect, it } from "vitest";
import { Vial, escapeHtml, html, raw, type HtmlString } from "vial";
import { probeXss, xssPayloads } from "../../../../sandbox/grader/attack/xss";
import { expect as graderExpect } from "../../../../sandbox/grader/expect";
import { createRandom } from "../../../../sandbox/grader/attack/random";
import { http, random } from "./apps";

/** A page that shows `name` in text, in quoted and unquoted attributes, as a link and as JSON in a script. */
function greetingApp(render: (name: string) => string | HtmlString) {
  const app = new Vial();
  app.get("/hello", (req) => render(req.query.get("name") ?? ""));
  return app;
}

const send = (app: Vial) => (payload: string) => http(app).get("/hello", { query: { name: payload } });

/** JSON for a script element: `<` escaped, so no value can close the script. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

describe("the XSS probe", () => {
  it("passes a page that escapes every context", async () => {
    const app = greetingApp((name) => html`<!doctype html><p>Hello ${name}</p><input value="${name}"><input value=${name}>
      <a href="${name}">home</a><script>const data = ${raw(scriptJson({ name }))};</script>`);
    expect(await probeXss(random(), { input: "?name= of GET /hello", send: send(app) })).toEqual([]);
  });

  it("judges only answers a browser renders as markup: the same echo is safe as text/plain, not as HTML", async () => {
    const echo = (type: string) => {
      const app = new Vial();
      app.get("/hello", (req) => [`Hello ${req.query.get("name") ?? ""}`, 200, { "Content-Type": type }]);
      return app;
    };
    expect(await probeXss(random(), { input: "?name=", send: send(echo("text/plain; charset=utf-8")), contexts: ["text"] })).toEqual([]);
    expect((await probeXss(random(), { input: "?name=", send: send(echo("text/html; charset=utf-8")), contexts: ["text"] })).length).toBeGreaterThan(0);
  });

  it("catches a greeting that strips <b> instead of escaping", async () => {
    const app = greetingApp((name) => `<p>Hello ${name.replaceAll("<b>", "").replaceAll("</b>", "")}</p>`);
    const findings = await probeXss(random(), { input: "?name= of GET /hello", send: send(app), contexts: ["text"] });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.message).toMatch(/^sent "<img src=x onerror=x\w+\(\)>" \(a text-context payload\) as \?name= of GET \/hello; the page came back with an event handler attribute onerror= on <img>/);
  });

  it("catches hand-made escaping that leaves quotes and javascript: URLs alone", async () => {
    const escapeAngles = (text: string) => text.replaceAll("<", "&lt;").replaceAll(">", "&gt;");
    const app = greetingApp((name) => `<a href="${escapeAngles(name)}" title="${escapeAngles(name)}">${escapeAngles(name)}</a>`);
    const findings = await probeXss(random(), { input: "?name=", send: send(app), contexts: ["attribute", "url"] });
    const messages = findings.map((found) => found.message).join("\n");
    expect(messages).toContain("an event handler attribute onmouseover= on <a>");
    expect(messages).toContain('sent "java\\tscript:');
  });

  it("catches JSON written into a script without escaping </script>, and a hand-quoted string", async () => {
    const app = greetingApp((name) => `<script>const name = ${JSON.stringify(name)}; const greeting = 'Hello ${name.replaceAll("<", "&lt;")}';</script>`);
    const findings = await probeXss(random(), { input: "?name=", send: send(app), contexts: ["script"] });
    const messages = findings.map((found) => found.message).join("\n");
    expect(messages).toContain('sent "</script><script>');
    expect(messages).toContain("sent \"'-");
    expect(messages).toContain("the input running as code inside a <script>");
  });

  it("passes a value that is HTML-escaped inside a script string (garbled, but it cannot run)", async () => {
    const app = greetingApp((name) => `<script>const name = "${escapeHtml(name)}";</script>`);
    expect(await probeXss(random(), { input: "?name=", send: send(app), contexts: ["script"] })).toEqual([]);
  });

  it("draws the same markers from the same seed, and others from another", () => {
    expect(xssPayloads(random())).toEqual(xssPayloads(random()));
    expect(xssPayloads(random())[0]!.marker).not.toBe(xssPayloads(createRandom("another seed"))[0]!.marker);
  });

  it("gives findings that toHaveNoFindings lists in its message", async () => {
    const app = greetingApp((name) => `<p>${name}</p>`);
    const findings = await probeXss(random(), { input: "?name=", send: send(app), contexts: ["text"] });
    expect(() => graderExpect(findings, "XSS through ?name=").toHaveNoFindings()).toThrow(/^XSS through \?name=: expected no findings, got \d+:\n- sent "<img/);
  });
});
