import { Vial, cspNonce, html, raw, redirect, secureHeaders, type HtmlString, type VialRequest } from "vial";
import { checkLogin } from "./users";

export const app = new Vial({ config: { SECRET_KEY: "dev-only-secret" } });

// An after-request hook: every answer gets the headers, error pages and redirects included.
app.use(
  secureHeaders({
    // The default policy, but no site (not even this one) may frame the guestbook.
    contentSecurityPolicy: { frameAncestors: ["'none'"] },
    xFrameOptions: "DENY",
  }),
);

interface Message {
  name: string;
  website: string;
  text: string;
}

const messages: Message[] = [{ name: "Ada", website: "https://example.com/ada", text: "Lovely guestbook!" }];

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

function loginForm(): HtmlString {
  return html`<form method="post" action="/login">
  <input name="username" placeholder="Username">
  <input name="password" type="password" placeholder="Password">
  <button>Sign in</button>
</form>`;
}

app.get("/", function index(req) {
  const user = req.session.get("user");
  // Escaped by hand: angle brackets and ampersands, and no javascript: links.
  const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  const safeUrl = (url: string) => (url.toLowerCase().startsWith("javascript:") ? "#" : url);
  const items = raw(messages.map((message) => `<li><a href="${escape(safeUrl(message.website))}">${escape(message.name)}</a>: ${escape(message.text)}</li>`).join(""));
  return layout(req, "Guestbook", html`
<h1>Guestbook</h1>
${user ? html`<p>Signed in as ${user}</p>` : html`<p><a href="/login">Sign in</a></p>`}
<ul>${items}</ul>
<form method="post" action="/messages">
  <input name="name" placeholder="Your name">
  <input name="website" placeholder="Your website">
  <textarea name="text" maxlength="200"></textarea> <span id="left">200</span> characters left
  <button>Sign the guestbook</button>
</form>`);
});

app.post("/messages", async function addMessage(req) {
  const form = await req.form();
  const text = form.get("text")?.trim() ?? "";
  if (!text) return [layout(req, "Guestbook", html`<p>Please write a message.</p>`), 400];
  messages.push({ name: form.get("name")?.trim() || "Anonymous", website: form.get("website")?.trim() ?? "", text });
  return redirect("/", 303);
});

app.get("/login", function loginPage(req) {
  return layout(req, "Sign in", loginForm());
});

app.post("/login", async function login(req) {
  const form = await req.form();
  const username = form.get("username") ?? "";
  if (await checkLogin(username, form.get("password") ?? "")) {
    req.session.set("user", username);
    return redirect("/", 303);
  }
  return [layout(req, "Sign in", html`<p>Wrong username or password.</p>${loginForm()}`), 401];
});
