/**
 * The app. `createApp(env)` builds it from environment variables (VIAL_SECRET_KEY, VIAL_DEBUG,
 * VIAL_TRUSTED_HOSTS), so tests (test/), the dev server (dev.ts) and production (server.ts) each
 * pass their own.
 */
import { Vial, csrf, csrfToken, flash, getFlashedMessages, html, rateLimit, redirect, secureHeaders } from "vial";

type Env = Record<string, string | undefined>;

export function createApp(env: Env = process.env): Vial {
  const debug = env.VIAL_DEBUG === "1";
  const app = new Vial({
    config: {
      DEBUG: debug,
      SECRET_KEY: env.VIAL_SECRET_KEY,
      // Over HTTPS only, except on http://localhost during development.
      SESSION_COOKIE_SECURE: !debug,
      SESSION_COOKIE_SAMESITE: "Lax",
      // Other Host headers get a 400 (set VIAL_TRUSTED_HOSTS=example.com,www.example.com).
      TRUSTED_HOSTS: env.VIAL_TRUSTED_HOSTS ? env.VIAL_TRUSTED_HOSTS.split(",") : null,
      MAX_CONTENT_LENGTH: 1024 * 1024,
    },
  });
  if (!app.config.SECRET_KEY) {
    throw new Error("Set VIAL_SECRET_KEY to a long random string (node -e \"console.log(crypto.randomBytes(32).toString('hex'))\").");
  }
  app.use(secureHeaders());
  app.use(csrf());
  app.use(rateLimit({ window: 60, max: 100 }));

  app.get("/", (req) => {
    const messages = getFlashedMessages(req);
    return html`<!doctype html>
      <title>My Vial app</title>
      <h1>Hello from Vial</h1>
      ${messages.map((message) => html`<p role="status">${message}</p>`)}
      <form method="post" action="/greet">
        <input type="hidden" name="csrf_token" value="${csrfToken(req)}">
        <label>Your name <input name="name" required maxlength="50"></label>
        <button>Greet me</button>
      </form>`;
  });

  app.post("/greet", async (req) => {
    const form = await req.form();
    flash(req, `Hello, ${form.get("name") ?? "stranger"}!`);
    return redirect("/");
  });

  app.get("/health", () => ({ ok: true }));
  return app;
}
