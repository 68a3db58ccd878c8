import { Blueprint, cspNonce, csrfToken, html, redirect, type HtmlString, type Session, type VialRequest } from "vial";
import { members } from "./members";

/**
 * The library's web pages: its visitors' book, where anyone may leave a note with their name and
 * website. Registered in app.ts with `app.register(pages)`.
 */
export const pages = new Blueprint("pages");

interface Message {
  name: string;
  website: string;
  text: string;
}

const messages: Message[] = [{ name: "Ada", website: "https://example.com/ada", text: "Lovely library!" }];

/** The name of the member this session is logged in as, if any. */
function memberName(session: Session): string | undefined {
  const id = session.get<number>("member_id");
  return members.find((member) => member.id === id)?.name;
}

/**
 * The page around every view. The inline script carries this request's nonce, the one
 * `secureHeaders()` lists in the CSP header: it runs, and a script injected without it does not.
 */
function layout(req: VialRequest, title: string, body: HtmlString): HtmlString {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
${body}
<script nonce="${cspNonce(req)}">
  const box = document.querySelector("textarea");
  const left = document.querySelector("#left");
  if (box && left) box.addEventListener("input", () => { left.textContent = String(200 - box.value.length); });
</script>
</body>
</html>`;
}

pages.get("/", function visitorsBook(req) {
  const name = memberName(req.session);
  // Every value goes through `html`, so a message is text, never markup, and a
  // `javascript:` website becomes a harmless `about:invalid` link.
  const items = messages.map((message) => html`<li><a href="${message.website}">${message.name}</a>: ${message.text}</li>`);
  return layout(req, "Visitors' book", html`
<h1>The library's visitors' book</h1>
${name ? html`<p>Signed in as ${name}</p>` : html`<p>Members can log in with <code>POST /login</code>.</p>`}
<ul>${items}</ul>
<form method="post" action="/messages">
  <input type="hidden" name="csrf_token" value="${csrfToken(req)}">
  <input name="name" placeholder="Your name">
  <input name="website" placeholder="Your website">
  <textarea name="text" maxlength="200"></textarea> <span id="left">200</span> characters left
  <button>Sign the visitors' book</button>
</form>`);
});

pages.post("/messages", async function addMessage(req) {
  const form = await req.form();
  const text = form.get("text")?.trim() ?? "";
  if (!text) return [layout(req, "Visitors' book", html`<p>Please write a message.</p>`), 400];
  messages.push({ name: form.get("name")?.trim() || "Anonymous", website: form.get("website")?.trim() ?? "", text });
  return redirect("/", 303);
});
