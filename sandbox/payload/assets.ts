import { readFile } from "node:fs/promises";
import { buildVialBundle } from "../../scripts/build-vial-bundle.mjs";
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
