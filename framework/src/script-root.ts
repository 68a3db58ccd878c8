/**
 * Where the app is mounted under its origin: Werkzeug's `SCRIPT_NAME`, Flask's
 * `request.script_root`. Behind a proxy that serves the app at `/shop`, the proxy strips the
 * prefix before forwarding (so routes never see it) and says so in `X-Forwarded-Prefix`, which
 * `proxyFix` trusts and records here. URLs Vial builds for the browser (`urlFor`, slash
 * redirects) put it back; without a request, `APPLICATION_ROOT` stands in, as in Flask.
 */
import type { RequestLike } from "./client-address.ts";

const roots = new WeakMap<Request, string>();

/**
 * Records the mount prefix of a request (`"/shop"`, no trailing slash; `""` for the root).
 *
 * @example
 * ```ts
 * import { setScriptRoot } from "./script-root.ts"; // internal: proxyFix records X-Forwarded-Prefix
 * setScriptRoot(new Request("http://shop.test/"), "/shop");
 * ```
 */
export function setScriptRoot(request: Request, prefix: string): void {
  if (prefix === "") roots.delete(request);
  else roots.set(request, prefix);
}

/**
 * The mount prefix of a request, `""` when it has none.
 *
 * @example
 * ```ts
 * import { scriptRoot } from "./script-root.ts";
 * scriptRoot(new Request("http://shop.test/")); // ""
 * ```
 */
export function scriptRoot(req: RequestLike): string {
  return roots.get(req instanceof Request ? req : req.raw) ?? "";
}

/**
 * `APPLICATION_ROOT` as a prefix to put before a path: `"/"` gives `""`, `"/shop/"` gives `"/shop"`.
 *
 * @example
 * ```ts
 * import { applicationRootPrefix } from "./script-root.ts";
 * applicationRootPrefix("/shop/"); // "/shop"
 * ```
 */
export function applicationRootPrefix(root: string | undefined): string {
  if (!root || !root.startsWith("/")) return "";
  return root.replace(/\/+$/, "");
}
