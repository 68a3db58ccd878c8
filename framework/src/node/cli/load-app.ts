/** Loads a user's app module (TypeScript or JavaScript) and finds the app in it. */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Vial } from "../../app.ts";
import { appLoader } from "./app-loader.ts";

/**
 * Imports `entry` and returns its `app` export (or default export). Throws a clear error otherwise.
 * `native` uses the process's own loader (already set up by `vial dev` / `vial run`, so a watcher
 * sees every imported file); otherwise the app's loader (see app-loader.ts) is used for this import.
 */
export async function loadApp(entry: string, { native = false } = {}): Promise<Vial> {
  const url = pathToFileURL(resolve(entry)).href;
  const loader = native ? ({ kind: "node" } as const) : appLoader(entry);
  let mod: Record<string, unknown>;
  if (loader.kind === "tsx") {
    const { tsImport } = (await import(loader.api)) as { tsImport: (url: string, parent: string) => Promise<Record<string, unknown>> };
    mod = await tsImport(url, import.meta.url);
  } else {
    mod = (await import(url)) as Record<string, unknown>;
  }
  const app = (mod.app ?? mod.default) as Vial | undefined;
  if (!app || typeof app.fetch !== "function" || !app.urlMap) {
    throw new Error(`${entry} must export a Vial app as "app" (export const app = new Vial()) or as the default export.`);
  }
  return app;
}
