import { attack, check, expect, http, type HtmlContext } from "grader";
import { app } from "./app";

const ADA = { username: "ada", password: "correct horse battery staple" };

/** Signs the visitors' book through the form, as a browser would, and returns the page that lists it. */
async function sign(client: ReturnType<typeof http>, fields: Record<string, string>): Promise<string> {
  const res = await client.post("/messages", { form: fields });
  expect(res.status, `status of POST /messages with ${JSON.stringify(fields)}`).toBe(303);
  const page = await client.get("/");
  expect(page.status, "status of GET / after signing").toBe(200);
  return page.text;
}

/** The CSP header's nonce, or undefined when there is none. */
function nonceOf(res: { headers: Headers }): string | undefined {
  return /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
}

check("A message with HTML in it is shown as text", async () => {
  const client = http(app);
  const page = await sign(client, { name: "<b>Mallory</b>", website: "", text: "<script>alert('xss')</script>" });
  expect(page, "body of GET / (the injected script tag must not be markup)").not.toContain("<script>alert('xss')</script>");
  expect(page, "body of GET / (the message, escaped)").toContain("&lt;script&gt;alert(");
  expect(page, "body of GET / (the name, escaped)").toContain("&lt;b&gt;Mallory&lt;/b&gt;");
}, { task: 1 });

check("A javascript: website does not become a clickable script", async () => {
  const client = http(app);
  const page = await sign(client, { name: "Eve", website: "javascript:alert(document.cookie)", text: "Click my name" });
  expect(page, "body of GET / (an href holding a javascript: URL)").not.toMatch(/href="\s*javascript:/i);
  expect(page, "body of GET / (Ada's https website still links)").toContain('href="https://example.com/ada"');
}, { task: 1 });

/** Each field of the visitors' book, with the contexts the page shows it in. */
const FIELDS: [field: string, contexts: HtmlContext[]][] = [["name", ["text", "attribute"]], ["website", ["attribute", "url"]], ["text", ["text"]]];

check("Nothing typed into the visitors' book becomes markup, an event handler or a script link", async () => {
  for (const [field, contexts] of FIELDS) {
    const client = http(app);
    const findings = await attack.xss({
      input: `the ${field} field of POST /messages, shown on GET /`,
      contexts,
      send: async (payload) => {
        await client.post("/messages", { form: { name: "Tester", website: "", text: "hi", [field]: payload } });
        return client.get("/");
      },
    });
    expect(findings, `XSS through the ${field} field`).toHaveNoFindings();
  }
}, { task: 1, timeoutMs: 15_000 });

check("An empty message still answers 400", async () => {
  const res = await http(app).post("/messages", { form: { name: "Nobody", website: "", text: "   " } });
  expect(res.status, "status of POST /messages with an empty text").toBe(400);
}, { task: 1 });

check("Every page shows its own markup as markup, not as escaped text", async () => {
  // Escaping twice is the opposite mistake: a plain string of markup put into an html template
  // shows the learner "&lt;form" instead of a form. Each page the library serves is tried.
  const client = http(app);
  const pages: [string, { status: number; text: string }][] = [
    ["GET /", await client.get("/")],
    ["POST /messages with an empty message", await client.post("/messages", { form: { name: "Ann", website: "", text: "" } })],
  ];
  const login = await client.post("/login", { json: ADA });
  expect(login.status, "status of POST /login as ada").toBe(200);
  pages.push(["GET / logged in as ada", await client.get("/")]);
  for (const [request, res] of pages) {
    expect(res.text, `body of ${request} (markup escaped into text)`).not.toMatch(/&lt;\/?(p|form|input|a|li|ul|h1)\b/);
  }
  expect(pages[0]?.[1].text, "body of GET / (a form with a text area)").toMatch(/<form[^>]*action="\/messages"/);
  expect(pages[2]?.[1].text, "body of GET / logged in as ada").toMatch(/<p>Signed in as Ada Lovelace<\/p>/);
}, { task: 1 });

check("GET / carries the security headers", async () => {
  const res = await http(app).get("/");
  expect(res.status, "status of GET /").toBe(200);
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp, "Content-Security-Policy header of GET /").toContain("default-src 'self'");
  expect(csp, "Content-Security-Policy header of GET /").toMatch(/frame-ancestors 'none'/);
  expect(res.headers.get("x-frame-options"), "X-Frame-Options header of GET /").toBe("DENY");
  expect(res.headers.get("x-content-type-options"), "X-Content-Type-Options header of GET /").toBe("nosniff");
  expect(res.headers.get("strict-transport-security") ?? "", "Strict-Transport-Security header of GET /").toMatch(/max-age=\d+/);
  expect(res.headers.get("referrer-policy") ?? "", "Referrer-Policy header of GET /").toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  expect(attack.csp(res, "GET /"), "weaknesses of the Content-Security-Policy of GET /").toHaveNoFindings();
}, { task: 2 });

check("Error pages and JSON answers carry the security headers too", async () => {
  const client = http(app);
  const missing = await client.get("/no-such-page");
  expect(missing.status, "status of GET /no-such-page").toBe(404);
  expect(missing.headers.get("x-frame-options"), "X-Frame-Options header of the 404 page").toBe("DENY");
  expect(missing.headers.get("content-security-policy") ?? "", "Content-Security-Policy header of the 404 page").toContain("default-src 'self'");
  const refused = await client.post("/messages", { form: { text: "" } });
  expect(refused.status, "status of POST /messages with an empty text").toBe(400);
  expect(refused.headers.get("x-frame-options"), "X-Frame-Options header of the 400 page").toBe("DENY");
  // The JSON API is served by the same app: its answers get the headers too.
  const books = await client.get("/books");
  expect(books.status, "status of GET /books").toBe(200);
  expect(books.headers.get("x-content-type-options"), "X-Content-Type-Options header of GET /books").toBe("nosniff");
  expect(books.headers.get("x-frame-options"), "X-Frame-Options header of GET /books").toBe("DENY");
}, { task: 2 });

check("The page's inline script carries the nonce from the CSP header", async () => {
  const res = await http(app).get("/");
  const nonce = nonceOf(res);
  expect(nonce, "nonce in the script-src of GET /'s Content-Security-Policy").toBeDefined();
  expect(res.text, "body of GET / (the inline script with the header's nonce)").toContain(`<script nonce="${nonce}">`);
  const scripts = res.text.match(/<script\b[^>]*>/g) ?? [];
  for (const tag of scripts) expect(tag, "a <script> tag of GET /").toContain(`nonce="${nonce}"`);
}, { task: 3 });

check("Every response gets a fresh nonce", async () => {
  const client = http(app);
  const first = await client.get("/");
  const second = await client.get("/");
  const a = nonceOf(first);
  const b = nonceOf(second);
  expect(a, "nonce in the CSP of the first GET /").toBeDefined();
  expect(b, "nonce in the CSP of the second GET /").not.toBe(a);
  expect(second.text, "body of the second GET / (its own nonce on the script)").toContain(`nonce="${b}"`);
}, { task: 3 });
