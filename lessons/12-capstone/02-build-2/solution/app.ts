import { Vial, secureHeaders } from "vial";
import { accounts, signIn } from "./accounts";
import { admin } from "./admin";
import { api } from "./api";
import { closeDb } from "./db";
import { notes } from "./notes";
import { configure, type Env } from "./settings";

/**
 * The members' notebook: members register, log in, keep notes that only they can read, search
 * them, and use a small JSON API; an admin sees who the members are. `createApp(env)` builds it
 * from environment variables (production passes `process.env`; the preview passes none).
 */
export function createApp(env: Env = {}): Vial {
  // Lax: the browser leaves the session cookie off another site's forms and scripts.
  const app = new Vial({ config: { SESSION_COOKIE_SAMESITE: "Lax" } });
  configure(app.config, env);
  // Every response gets a Content-Security-Policy that runs scripts from this site only (so
  // markup that slips past the escaping still cannot run) and lets no other site frame a page
  // (clickjacking), plus nosniff, a referrer policy and the rest of secureHeaders()' defaults.
  app.use(secureHeaders());
  app.teardownRequest(closeDb);
  app.register(accounts);
  app.register(signIn);
  app.register(notes);
  app.register(api);
  app.register(admin);
  return app;
}

export const app = createApp();

export { initDb } from "./db";
