import { cspNonce, csrfToken, html, type HtmlString, type VialRequest } from "vial";

/** A message in the guestbook. */
export interface Message {
  name: string;
  website: string;
  text: string;
}

/** The page around every view; its inline script carries this request's CSP nonce. */
export function layout(req: VialRequest, title: string, body: HtmlString): HtmlString {
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

/** The hidden field every form that POSTs needs while `csrf()` is on. */
function csrfField(req: VialRequest): HtmlString {
  return html`<input type="hidden" name="csrf_token" value="${csrfToken(req)}">`;
}

/** The sign-in form, with an optional error above it. */
export function loginPage(req: VialRequest, error?: string): HtmlString {
  return layout(req, "Sign in", html`${error ? html`<p>${error}</p>` : ""}
<form method="post" action="/login">
  ${csrfField(req)}
  <input name="username" placeholder="Username">
  <input name="password" type="password" placeholder="Password">
  <button>Sign in</button>
</form>`);
}

/** The guestbook: who is signed in, the messages, and the form to add one. */
export function guestbookPage(req: VialRequest, messages: readonly Message[], user: unknown): HtmlString {
  const items = messages.map((message) => html`<li><a href="${message.website}">${message.name}</a>: ${message.text}</li>`);
  return layout(req, "Guestbook", html`
<h1>Guestbook</h1>
${user ? html`<p>Signed in as ${user}</p>` : html`<p><a href="/login">Sign in</a></p>`}
<ul>${items}</ul>
<form method="post" action="/messages">
  ${csrfField(req)}
  <input name="name" placeholder="Your name">
  <input name="website" placeholder="Your website">
  <textarea name="text" maxlength="200"></textarea> <span id="left">200</span> characters left
  <button>Sign the guestbook</button>
</form>`);
}
