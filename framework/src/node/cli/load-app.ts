/** Loads a user's app module (TypeScript or JavaScript) and finds the app in it. */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import type { Vial } from "../../app";

/**
 * Imports `entry` and returns its `app` export (or default export). Throws a clear error otherwise.
 * `native` uses the process's own loader (already tsx under `vial dev`, so its watcher sees every
 * imported file); otherwise tsx is registered just for this import.
 */
export async function loadApp(entry: string, { native = false } = {}): Promise<Vial> {
  const url = pathToFileURL(resolve(entry)).href;
  const mod = (await (native ? import(url) : tsImport(url, import.meta.url))) as Record<string, unknown>;
  const app = (mod.app ?? mod.default) as Vial | undefined;
  if (!app || typeof app.fetch !== "function" || !app.urlMap) {
    throw new Error(`${entry} must export a Vial app as "app" (export const app = new Vial()) or as the default export.`);
  }
  return app;
}
