/**
 * The static-files route, web-standard: `GET <urlPrefix>/<path:filename>` (endpoint `static`, as
 * in Flask, so `urlFor("static", { filename: "site.css" })` works), reading from any
 * {@link FileSource}. `vial/node`'s `staticFiles(directory)` plugs in the disk.
 */
import type { Blueprint } from "../blueprint.ts";
import type { Vial } from "../app.ts";
import { NotFound } from "../http-errors.ts";
import { safeJoin } from "../security/safe-join.ts";
import type { FileSource } from "./file-source.ts";
import { cacheControlFor, sendFile } from "./send-file.ts";

/**
 * Options of the static-files route.
 *
 * @example
 * ```ts
 * import { Vial, memoryFileSource, staticFilesFrom, type StaticFilesOptions } from "vial";
 *
 * const assets: StaticFilesOptions = { urlPrefix: "/assets", maxAge: 86400, endpoint: "assets" };
 * const app = new Vial();
 * app.use(staticFilesFrom(memoryFileSource({ "site.css": "body { margin: 0 }" }), assets));
 * app.urlFor("assets", { filename: "site.css" }); // "/assets/site.css"
 * ```
 */
export interface StaticFilesOptions {
  /** Where the files appear in URLs (default `"/static"`; `""` serves from the root). */
  urlPrefix?: string;
  /** Seconds browsers may reuse a file without asking (default: `no-cache`, always revalidate). */
  maxAge?: number;
  /** The route's endpoint name (default `"static"`). */
  endpoint?: string;
}

/**
 * The relative path a requested file name stands for, or `undefined` when it must be refused:
 * anything `safeJoin` refuses (`..` climbing out, absolute paths, backslashes, NUL bytes,
 * double-encoded `%2e`/`%2f`, Windows device names) and names that point at the folder itself.
 *
 * @example
 * ```ts
 * import { staticPath } from "vial";
 * staticPath("css/../img/logo.png"); // "img/logo.png"
 * staticPath("../app.ts");           // undefined
 * ```
 */
export function staticPath(filename: string): string | undefined {
  const joined = safeJoin(".", filename);
  if (joined === undefined) return undefined;
  const relative = joined.slice("./".length);
  return relative === "" || relative === "." ? undefined : relative;
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, "");
  if (trimmed !== "" && !trimmed.startsWith("/")) throw new TypeError(`staticFiles: urlPrefix must start with "/", got "${prefix}".`);
  return trimmed;
}

/**
 * Serves the files of `source` under `urlPrefix`. Refused names and missing files are 404 (through
 * the app's 404 handler); responses carry ETag and Last-Modified and answer conditional and range
 * requests (see `sendFile`). On a blueprint, the route is under the blueprint's prefix.
 *
 * @example
 * ```ts
 * import { Vial, staticFilesFrom, memoryFileSource } from "vial";
 * const app = new Vial();
 * app.use(staticFilesFrom(memoryFileSource({ "app.js": "console.log('hi')" }), { maxAge: 3600 }));
 * app.urlFor("static", { filename: "app.js" }); // "/static/app.js"
 * ```
 */
export function staticFilesFrom(source: FileSource, options: StaticFilesOptions = {}): (scope: Vial | Blueprint) => void {
  const prefix = normalizePrefix(options.urlPrefix ?? "/static");
  const { maxAge, endpoint = "static" } = options;
  cacheControlFor(maxAge); // a bad maxAge fails now, not on the first request
  return (scope) => {
    scope.get(`${prefix}/<path:filename>`, { endpoint }, async (req) => {
      const path = staticPath(String(req.params.filename));
      const file = path === undefined ? undefined : await source(path);
      if (path === undefined || file === undefined) throw new NotFound();
      return sendFile(req, file, { path, maxAge });
    });
  };
}
