/**
 * Builds the sandbox harness in memory with esbuild: the page script (the browser engines and
 * the contract scenarios), its Service Worker, and the payload's bundles the engines fetch.
 * Used by harness-server.ts and by bench/sandbox-worker.ts.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { buildVialBundle } from "../../../../scripts/build-vial-bundle.mjs";
import { payloadAssetType } from "../../../../site/sandbox/payload-assets";
import { RUNNER_HEADERS, RUNNER_HTML, RUNNER_PATH } from "../../../../sandbox/engines/worker/runner-page";

const here = dirname(fileURLToPath(import.meta.url));

/** URL path to file contents, type and any headers of its own. */
export type HarnessFiles = Map<string, { body: string | Uint8Array; type: string; headers?: Readonly<Record<string, string>> }>;

const PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Sandbox harness</title>
<script type="module" src="/harness.js"></script>
<body><h1>Sandbox harness</h1><p>Drives the browser sandbox engines for the Playwright tests (window.harness).</p></body>
</html>
`;

async function bundle(entry: string, format: "esm" | "iife"): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    format,
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.contents;
}

/**
 * Builds every file the harness serves.
 *
 * @example
 * const files = await buildHarness();
 * files.get("/harness.js");
 */
export async function buildHarness(): Promise<HarnessFiles> {
  const { files: bundles, databaseFiles } = await buildVialBundle();
  const [page, worker] = await Promise.all([bundle("main.ts", "esm"), bundle("sw.ts", "iife")]);
  const files: HarnessFiles = new Map();
  files.set("/", { body: PAGE, type: "text/html; charset=utf-8" });
  files.set("/harness.js", { body: page, type: "text/javascript; charset=utf-8" });
  files.set("/sw.js", { body: worker, type: "text/javascript; charset=utf-8" });
  files.set(RUNNER_PATH, { body: RUNNER_HTML, type: RUNNER_HEADERS["Content-Type"]!, headers: RUNNER_HEADERS });
  for (const [name, path] of Object.entries(bundles)) {
    files.set(`/sandbox/${name}`, { body: await readFile(path), type: "text/javascript; charset=utf-8" });
  }
  for (const [name, path] of Object.entries(databaseFiles)) {
    files.set(`/sandbox/${name}`, { body: await readFile(path), type: payloadAssetType(name) });
  }
  return files;
}
