import { readFile } from "node:fs/promises";
import { buildVialBundle } from "../../scripts/build-vial-bundle.mjs";
import { DATABASE_FILE_NAMES } from "../engines/browser-assets";
import type { AssetName, PayloadAssets } from "./index";

let cached: Promise<PayloadAssets> | undefined;

/**
 * Node only: builds the payload bundles if they are stale (scripts/build-vial-bundle.mjs keeps a
 * cache in .vial-bundle/) and reads them, once per process.
 *
 * @example
 * const tree = buildPayload({ files, checks, mode: "node", assets: await loadPayloadAssets() });
 */
export function loadPayloadAssets(options: { force?: boolean } = {}): Promise<PayloadAssets> {
  if (cached && !options.force) return cached;
  cached = (async () => {
    const { files } = await buildVialBundle({ force: options.force });
    const entries = await Promise.all(
      (Object.entries(files) as [AssetName, string][]).map(async ([name, path]) => [name, await readFile(path, "utf8")] as const),
    );
    return Object.fromEntries(entries) as PayloadAssets;
  })();
  cached.catch(() => (cached = undefined));
  return cached;
}

/**
 * Node only: PGlite's browser files and PostgreSQL's parser as bytes, by the keys the browser
 * engines use (DATABASE_FILE_NAMES), built if stale: what the site serves a database lesson,
 * for tests and benchmarks of the WebContainer engine.
 *
 * @example
 * createWebContainerSandbox({ assets, databaseFiles: loadDatabaseFileBytes });
 */
export async function loadDatabaseFileBytes(): Promise<Record<keyof typeof DATABASE_FILE_NAMES, Uint8Array>> {
  const { databaseFiles } = await buildVialBundle();
  const entries = await Promise.all(
    Object.entries(DATABASE_FILE_NAMES).map(async ([key, name]) => [key, new Uint8Array(await readFile(databaseFiles[name]!))] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof DATABASE_FILE_NAMES, Uint8Array>;
}
