import { Vial, redirect } from "vial";
import { checkLogin } from "./users";

export const app = new Vial({ config: { SECRET_KEY: "dev-only-secret" } });

interface Message {
  name: string;
  website: string;
  text: string;
}

const messages: Message[] = [{ name: "Ada", website: "https://example.com/ada", text: "Lovely guestbook!" }];

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

function loginForm(): string {
  return `<form method="post" action="/login">
  <input name="username" placeholder="Username">
  <input name="password" type="password" placeholder="Password">
  <button>Sign in</button>
</form>`;
}

app.get("/", function index(req) {
  const user = req.session.get("user");
  const items = messages.map((message) => `<li><a href="${message.website}">${message.name}</a>: ${message.text}</li>`);
  return layout("Guestbook", `
<h1>Guestbook</h1>
${user ? `<p>Signed in as ${user}</p>` : `<p><a href="/login">Sign in</a></p>`}
<ul>${items.join("")}</ul>
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
  if (!text) return [layout("Guestbook", "<p>Please write a message.</p>"), 400];
  messages.push({ name: form.get("name")?.trim() || "Anonymous", website: form.get("website")?.trim() ?? "", text });
  return redirect("/", 303);
});

app.get("/login", function loginPage() {
  return layout("Sign in", loginForm());
});

app.post("/login", async function login(req) {
  const form = await req.form();
  const username = form.get("username") ?? "";
  if (await checkLogin(username, form.get("password") ?? "")) {
    req.session.set("user", username);
    return redirect("/", 303);
  }
  return [layout("Sign in", `<p>Wrong username or password.</p>${loginForm()}`), 401];
});
