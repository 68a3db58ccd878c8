import { Blueprint, Vial, csrf, html, proxyFix, rateLimit, redirect, secureHeaders } from "vial";
import { guestbookPage, layout, loginPage, type Message } from "./pages";
import { checkLogin } from "./users";

/** Environment variables by name, like `process.env` in Node. */
export type Env = Record<string, string | undefined>;

/** Keys this course has printed: anyone who read it can sign sessions with them. */
const PUBLISHED_KEYS = ["dev-only-secret", "dev-only: not a secret, set VIAL_SECRET_KEY in production"];

/** Shorter keys can be guessed, or were typed by a person rather than generated. */
const MIN_KEY_LENGTH = 32;

/** Why `key` must not sign or verify sessions, or undefined when it may. */
function weakness(key: unknown): string | undefined {
  // Values are parsed as JSON when they parse, so VIAL_SECRET_KEY=12345 would be a number.
  if (typeof key !== "string" || key === "") return "must be set to a string";
  if (key.length < MIN_KEY_LENGTH) return `is shorter than ${MIN_KEY_LENGTH} characters`;
  if (PUBLISHED_KEYS.includes(key)) return "is a published key";
  return undefined;
}

/**
 * Throws unless the signing key and every fallback are strong. A fallback still verifies
 * cookies, so a weak one lets anyone sign a session just as a weak SECRET_KEY would.
 */
function refuseWeakKeys(key: unknown, fallbacks: unknown): void {
  const fix = "set it to a long random string, e.g. the output of `openssl rand -hex 32`";
  const problem = weakness(key);
  if (problem) throw new Error(`The guestbook needs a strong secret key: VIAL_SECRET_KEY ${problem}; ${fix}.`);
  if (!Array.isArray(fallbacks)) throw new Error("VIAL_SECRET_KEY_FALLBACKS must be a JSON list of keys.");
  fallbacks.forEach((fallback, index) => {
    const weak = weakness(fallback);
    if (weak) throw new Error(`VIAL_SECRET_KEY_FALLBACKS[${index}] ${weak}; remove it or ${fix}.`);
  });
}

/**
 * Builds the guestbook, configured by `env`. Production calls `createApp(process.env)` from a
 * server file; the checks call it with settings of their own. Each app has its own messages.
 */
export function createApp(env: Env): Vial {
  // Safe defaults: what production gets when the environment says nothing. No DEBUG here (it
  // is off unless VIAL_DEBUG=true) and no SECRET_KEY (a key in the code is a key in git).
  const app = new Vial({
    config: {
      SESSION_COOKIE_SAMESITE: "Lax",
      SESSION_COOKIE_SECURE: true,
    },
  });
  // VIAL_SECRET_KEY, VIAL_DEBUG, VIAL_TRUSTED_HOSTS='["guestbook.example"]' and so on.
  app.config.fromEnv("VIAL", env);
  refuseWeakKeys(app.config.SECRET_KEY, app.config.SECRET_KEY_FALLBACKS);

  // Production runs behind exactly one nginx, which sets X-Forwarded-For, -Proto and -Host.
  // Trust one hop of each: anything further left in those headers came from the client.
  // Development (VIAL_DEBUG=true) is reached directly, with no nginx in front: there the
  // headers could only come from the client, so they are not trusted at all.
  if (!app.config.DEBUG) app.use(proxyFix({ xFor: 2, xProto: 1, xHost: 1 }));

  app.use(secureHeaders({ contentSecurityPolicy: { frameAncestors: ["'none'"] }, xFrameOptions: "DENY" }));
  app.use(csrf());

  const messages: Message[] = [{ name: "Ada", website: "https://example.com/ada", text: "Lovely guestbook!" }];

  app.get("/", function index(req) {
    return guestbookPage(req, messages, req.session.get("user"));
  });

  app.post("/messages", async function addMessage(req) {
    const form = await req.form();
    const text = form.get("text")?.trim() ?? "";
    if (!text) return [layout(req, "Guestbook", html`<p>Please write a message.</p>`), 400];
    messages.push({ name: form.get("name")?.trim() || "Anonymous", website: form.get("website")?.trim() ?? "", text });
    return redirect("/", 303);
  });

  // Fails on purpose: it stands for any bug that reaches production. Its error message holds
  // a database password, as real error messages often do.
  app.get("/stats", function stats() {
    throw new Error("could not connect to postgres://guestbook:hunter2@db.internal:5432/guestbook");
  });

  const auth = new Blueprint("auth");
  auth.use(rateLimit({ window: 60, max: 5, name: "login" }));

  auth.get("/login", function showLogin(req) {
    return loginPage(req);
  });

  auth.post("/login", async function login(req) {
    const form = await req.form();
    const username = form.get("username") ?? "";
    if (await checkLogin(username, form.get("password") ?? "")) {
      req.session.set("user", username);
      return redirect("/", 303);
    }
    return [loginPage(req, "Wrong username or password."), 401];
  });

  app.register(auth);
  return app;
}

/**
 * The app the preview runs: development settings, as a developer's shell would set them. Its key
 * is drawn at each start, so no key is written down anywhere (sessions end when it restarts).
 */
export const app = createApp({
  VIAL_DEBUG: "true",
  VIAL_SECRET_KEY: `${crypto.randomUUID()}${crypto.randomUUID()}`,
  VIAL_SESSION_COOKIE_SECURE: "false",
});
