import { Blueprint, Vial, csrf, csrfToken, cspNonce, html, rateLimit, redirect, secureHeaders, type HtmlString, type VialRequest } from "vial";
import { checkLogin } from "./users";

export const app = new Vial({
  config: {
    SECRET_KEY: "dev-only-secret",
    // Browsers leave the session cookie off cross-site POSTs (and off cross-site frames and
    // scripts), so a forged form arrives without a session.
    SESSION_COOKIE_SAMESITE: "Lax",
  },
});

app.use(
  secureHeaders({
    contentSecurityPolicy: { frameAncestors: ["'none'"] },
    xFrameOptions: "DENY",
  }),
);
// Every POST must come from our own pages and carry this session's token.
app.use(csrf());

interface Message {
  name: string;
  website: string;
  text: string;
}

const messages: Message[] = [{ name: "Ada", website: "https://example.com/ada", text: "Lovely guestbook!" }];

/** The page around every view; its inline script carries this request's CSP nonce. */
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

/** The hidden field every form that POSTs needs while `csrf()` is on. */
function csrfField(req: VialRequest): HtmlString {
  return html`<input type="hidden" name="csrf_token" value="${csrfToken(req)}">`;
}

function loginForm(req: VialRequest): HtmlString {
  return html`<form method="post" action="/login">
  ${csrfField(req)}
  <input name="username" placeholder="Username">
  <input name="password" type="password" placeholder="Password">
  <button>Sign in</button>
</form>`;
}

app.get("/", function index(req) {
  const user = req.session.get("user");
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
});

app.post("/messages", async function addMessage(req) {
  const form = await req.form();
  const text = form.get("text")?.trim() ?? "";
  if (!text) return [layout(req, "Guestbook", html`<p>Please write a message.</p>`), 400];
  messages.push({ name: form.get("name")?.trim() || "Anonymous", website: form.get("website")?.trim() ?? "", text });
  return redirect("/", 303);
});

// The login routes live in a blueprint of their own so that the strict limit applies to them
// only: five requests a minute per client is plenty for a person and far too few for a guesser.
const auth = new Blueprint("auth");
// One budget of attempts per visitor, recognised by their session cookie.
auth.use(rateLimit({ window: 60, max: 5, name: "login", key: (req) => req.cookies.session }));

auth.get("/login", function loginPage(req) {
  return layout(req, "Sign in", loginForm(req));
});

auth.post("/login", async function login(req) {
  const form = await req.form();
  const username = form.get("username") ?? "";
  if (await checkLogin(username, form.get("password") ?? "")) {
    req.session.set("user", username);
    return redirect("/", 303);
  }
  return [layout(req, "Sign in", html`<p>Wrong username or password.</p>${loginForm(req)}`), 401];
});

app.register(auth);
