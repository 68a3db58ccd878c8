/**
 * A tiny static server for the sandbox harness (Playwright's "sandbox" project starts it as
 * `npx tsx tests/e2e/sandbox/harness-server.ts <port>`). Every response is cross-origin isolated
 * (COOP/COEP), like the site's pages. `GET /__requests` tells how many requests it has served,
 * so a test can prove that an offline page got nothing from it. The Service Worker's own script
 * (`/sw.js`) is not counted: the browser checks it for updates by itself, outside any page, and
 * Playwright's offline emulation does not stop that check (a really offline browser just fails
 * it and keeps the installed worker).
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import { buildHarness } from "./harness/build";

const ISOLATION = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp", "cross-origin-resource-policy": "same-origin" };

/**
 * Builds the harness and serves it on 127.0.0.1:`port`.
 *
 * @example
 * const server = await startHarnessServer(3200);
 */
export async function startHarnessServer(port: number): Promise<Server> {
  const files = await buildHarness();
  const served: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://harness").pathname;
    if (path === "/__requests") {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store", ...ISOLATION });
      response.end(JSON.stringify({ served: served.length, paths: served }));
      return;
    }
    if (path !== "/sw.js") served.push(`${request.method} ${path}`);
    const file = files.get(path);
    if (!file || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...ISOLATION });
      response.end(`Not found: ${path}`);
      return;
    }
    response.writeHead(200, { "content-type": file.type, "cache-control": "no-cache", ...ISOLATION });
    response.end(request.method === "HEAD" ? undefined : file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return server;
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (invokedDirectly) {
  const port = Number(process.argv[2] ?? 3200);
  startHarnessServer(port).then(
    () => console.log(`Sandbox harness on http://127.0.0.1:${port}/`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
