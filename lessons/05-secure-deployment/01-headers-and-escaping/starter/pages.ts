import { Blueprint, redirect, type Session } from "vial";
import { members } from "./members";

/**
 * The library's web pages: its visitors' book, where anyone may leave a note with their name and
 * website. Register it in app.ts with `app.register(pages)`.
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

/** The page around every view, with a small inline script that counts the characters left. */
function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
${body}
<script>
  const box = document.querySelector("textarea");
  const left = document.querySelector("#left");
  if (box && left) box.addEventListener("input", () => { left.textContent = String(200 - box.value.length); });
</script>
</body>
</html>`;
}

pages.get("/", function visitorsBook(req) {
  const name = memberName(req.session);
  const items = messages.map((message) => `<li><a href="${message.website}">${message.name}</a>: ${message.text}</li>`);
  return layout("Visitors' book", `
<h1>The library's visitors' book</h1>
${name ? `<p>Signed in as ${name}</p>` : `<p>Members can log in with <code>POST /login</code>.</p>`}
<ul>${items.join("")}</ul>
<form method="post" action="/messages">
  <input name="name" placeholder="Your name">
  <input name="website" placeholder="Your website">
  <textarea name="text" maxlength="200"></textarea> <span id="left">200</span> characters left
  <button>Sign the visitors' book</button>
</form>`);
});

pages.post("/messages", async function addMessage(req) {
  const form = await req.form();
  const text = form.get("text")?.trim() ?? "";
  if (!text) return [layout("Visitors' book", "<p>Please write a message.</p>"), 400];
  messages.push({ name: form.get("name")?.trim() || "Anonymous", website: form.get("website")?.trim() ?? "", text });
  return redirect("/", 303);
});
