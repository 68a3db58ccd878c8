/**
 * Static files from disk: the Node side of `vial`'s web-standard static serving. Paths are
 * checked by `safeJoin` before the file system sees them, and only regular files are served.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { Blueprint } from "../blueprint.ts";
import type { Vial } from "../app.ts";
import type { ConditionalRequest, FileSource, SendFileOptions, StaticFile, StaticFilesOptions } from "../static/index.ts";
import { sendFile, staticFilesFrom, staticPath } from "../static/index.ts";
import { NotFound } from "../http-errors.ts";
import { safeJoin } from "../security/safe-join.ts";

function directoryPath(directory: string | URL): string {
  return resolve(typeof directory === "string" ? directory : fileURLToPath(directory));
}

/**
 * A `FileSource` reading the files under `directory` (a path, resolved against the current
 * directory now, or a `file:` URL such as `new URL("./static", import.meta.url)`). Anything that
 * is not a regular file, or cannot be read, is not found. Symbolic links inside the directory are
 * followed, as Flask does: do not link to what must stay private.
 *
 * @example
 * ```ts
 * import { Vial, staticFilesFrom } from "vial";
 * import { diskFileSource } from "vial/node";
 * const app = new Vial();
 * app.use(staticFilesFrom(diskFileSource("public"), { urlPrefix: "/assets" }));
 * ```
 */
export function diskFileSource(directory: string | URL): FileSource {
  const root = directoryPath(directory);
  return async (path): Promise<StaticFile | undefined> => {
    // The path is already checked by the core; joining with safeJoin again keeps this source safe on its own.
    const fullPath = safeJoin(root, path);
    if (fullPath === undefined) return undefined;
    let stats;
    try {
      stats = await stat(fullPath);
    } catch {
      return undefined; // missing, not a directory on the way, too long, no permission: all 404
    }
    if (!stats.isFile()) return undefined;
    return {
      size: stats.size,
      modified: stats.mtime,
      open: (range) => Readable.toWeb(createReadStream(fullPath, range ?? {})) as ReadableStream<Uint8Array>,
    };
  };
}

/**
 * Serves the files in `directory` at `GET <urlPrefix>/<path:filename>` (default `/static/...`,
 * endpoint `static`), like Flask's static folder. `..`, encoded traversal, absolute paths,
 * backslashes, NUL bytes and Windows device names are 404; responses carry ETag and Last-Modified,
 * answer If-None-Match / If-Modified-Since with 304 and Range with 206, and say
 * `Cache-Control: no-cache` unless `maxAge` is given.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * import { staticFiles } from "vial/node";
 * const app = new Vial();
 * app.use(staticFiles(new URL("./static", import.meta.url), { maxAge: 3600 }));
 * app.get("/", (req) => `<link rel="stylesheet" href="${req.urlFor("static", { filename: "site.css" })}">`);
 * ```
 */
export function staticFiles(directory: string | URL, options: StaticFilesOptions = {}): (scope: Vial | Blueprint) => void {
  return staticFilesFrom(diskFileSource(directory), options);
}

/**
 * Sends one file from `directory`, with the untrusted `filename` checked as for static files:
 * Flask's `send_from_directory`. A refused or missing file raises `NotFound`.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * import { sendFromDirectory } from "vial/node";
 * const app = new Vial();
 * app.get("/uploads/<path:name>", (req) => sendFromDirectory(req, "uploads", req.params.name));
 * ```
 */
export async function sendFromDirectory(req: ConditionalRequest, directory: string | URL, filename: string, options: SendFileOptions = {}): Promise<Response> {
  const path = staticPath(filename);
  const file = path === undefined ? undefined : await diskFileSource(directory)(path);
  if (path === undefined || file === undefined) throw new NotFound();
  return sendFile(req, file, { path, ...options });
}
