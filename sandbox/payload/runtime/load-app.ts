import { describeLoadError } from "./describe";
import { createModuleLoader } from "./module-loader";
import type { RuntimeHost } from "./module-loader";

/**
 * Loads the learner's entry file and returns the app it exports (`app`, else the default
 * export). Throws an Error whose message says where and why when it cannot.
 *
 * @example
 * const app = loadApp({ host, entry: "app.ts" });
 * serve(app, { port, host: "127.0.0.1" });
 */
export function loadApp(options: { host: RuntimeHost; entry?: string }): { fetch(request: Request): Promise<Response> } {
  const loader = createModuleLoader(options.host);
  const entry = options.entry ?? "app.ts";
  let exports: Record<string, unknown>;
  try {
    exports = (loader.load(entry) ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new Error(describeLoadError(error, loader), { cause: error });
  }
  const app = (exports.app ?? exports.default) as { fetch?: unknown } | undefined;
  if (!app || typeof app.fetch !== "function") {
    throw new Error(`${entry} must export your app, e.g. \`export const app = new Vial();\`.`);
  }
  return app as { fetch(request: Request): Promise<Response> };
}
