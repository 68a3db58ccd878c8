import type { LearnerPort } from "./learner-link";
import { answerSql, type SandboxDatabase } from "./database";
import { LearnerSession } from "./learner-session";
import { createProxies } from "./proxies";
import type { AppProxy } from "./proxies";

/** The learner's app for a preview, served from the grader's realm. */
export interface RemoteApp {
  app: AppProxy;
  /** Resolves with the reason when the learner's realm is gone (it exited, crashed or was killed). */
  gone: Promise<string>;
  close(): void;
}

/**
 * Loads the learner's entry in a learner realm and returns its app (the `app` export, else the
 * default export) as a proxy: each request goes across as a message. Rejects with an Error
 * whose message says where and why, in learner words, when the app does not load.
 *
 * @example
 * const { app } = await loadRemoteApp({ startLearner, entry: "app.ts", loadTimeoutMs: 10_000 });
 * serve(app, { port, host: "127.0.0.1" });
 */
export async function loadRemoteApp(options: { startLearner(): LearnerPort; entry?: string; loadTimeoutMs: number; database?: () => Promise<SandboxDatabase> }): Promise<RemoteApp> {
  const entry = options.entry ?? "app.ts";
  const specifier = `./${entry}`;
  const { database } = options;
  let markGone: (reason: string) => void = () => {};
  const gone = new Promise<string>((resolve) => (markGone = resolve));
  const session = new LearnerSession(() => {
    const port = options.startLearner();
    port.onGone((reason) => markGone(`Your code's process ${reason}.`));
    return port;
  }, () => 0, database && ((message) => answerSql(database, message)));
  const opened = await session.open({ entry, modules: [specifier] }, options.loadTimeoutMs);
  if ("error" in opened) {
    session.close();
    throw new Error(opened.error);
  }
  const exports = createProxies(session).toLocal(opened.modules[specifier] ?? { kind: "object", entries: [] }, undefined) as Record<string, unknown> | undefined;
  const app = (exports?.app ?? exports?.default) as AppProxy | undefined;
  if (!app || typeof app.fetch !== "function") {
    session.close();
    throw new Error(`${entry} must export your app, e.g. \`export const app = new Vial();\`.`);
  }
  // Like running `flask init-db` before `flask run`: an app that exports initDb gets its schema.
  const initDb = exports?.initDb;
  if (database && typeof initDb === "function") {
    try {
      await database().then((sandbox) => sandbox.wipe());
      await (initDb as () => Promise<unknown>)();
    } catch (error) {
      session.close();
      throw new Error(`initDb() failed, so the preview has no database: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return { app, gone, close: () => session.close() };
}
