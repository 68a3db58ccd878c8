import { Vial } from "vial";
import { accounts } from "./accounts";
import { api } from "./api";
import { closeDb } from "./db";
import { notes } from "./notes";
import { configure, type Env } from "./settings";

/**
 * The members' notebook: members register, log in, keep notes only they can see, search them,
 * and add quick notes through a small JSON API. `createApp(env)` builds it from environment
 * variables (production passes `process.env`; the preview passes none).
 */
export function createApp(env: Env = {}): Vial {
  // Lax: the browser leaves the session cookie off another site's forms and scripts.
  const app = new Vial({ config: { SESSION_COOKIE_SAMESITE: "Lax" } });
  configure(app.config, env);
  app.teardownRequest(closeDb);
  app.register(accounts);
  app.register(notes);
  app.register(api);
  return app;
}

export const app = createApp();

export { initDb } from "./db";
