/**
 * How the browser engines get the payload's bundles: static, same-origin files, built by
 * `scripts/build-vial-bundle.mjs` into `.vial-bundle/` and served by the site under
 * `/sandbox/<name>` (e.g. `/sandbox/vial.mjs`). The site's Service Worker caches them, so the
 * worker engine runs offline once the site has been loaded.
 */
import { ASSETS_BY_MODE, CONFIG_PARSERS_ASSET } from "../payload/index";
import { usesConfigParsers } from "../payload/uses-config-parsers";
import type { AssetName, PayloadAssets, PayloadMode } from "../payload/index";
import type { DatabaseFiles } from "./worker/protocol";

/** Where the site serves the payload's bundles. */
export const PAYLOAD_ASSET_BASE = "/sandbox/";

/**
 * The URLs of the bundles a mode needs (both modes when none is given), and the config parsers
 * some lessons need, for the Service Worker's precache list.
 *
 * @example
 * payloadAssetUrls("worker") // ["/sandbox/vial.mjs", "/sandbox/zod.mjs", …, "/sandbox/worker-host.mjs"]
 */
export function payloadAssetUrls(mode?: PayloadMode, base = PAYLOAD_ASSET_BASE): string[] {
  const names = mode ? ASSETS_BY_MODE[mode] : [...new Set([...ASSETS_BY_MODE.worker, ...ASSETS_BY_MODE.node])];
  return [...names, CONFIG_PARSERS_ASSET].map((name) => base + name);
}

const cache = new Map<string, Promise<PayloadAssets>>();

/**
 * Fetches the bundles a mode needs, once per page (a failed fetch is retried on the next call).
 * Rejects with a message that names the missing file.
 *
 * @example
 * const assets = await fetchPayloadAssets("worker");
 * const tree = buildPayload({ files, checks, mode: "worker", assets });
 */
export function fetchPayloadAssets(mode: PayloadMode, base = PAYLOAD_ASSET_BASE, fetcher: typeof fetch = (input, init) => fetch(input, init)): Promise<PayloadAssets> {
  const key = `${mode} ${base}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = (async () => {
    const entries = await Promise.all(ASSETS_BY_MODE[mode].map(async (name: AssetName) => [name, await fetchBundle(name, base, fetcher)] as const));
    return Object.fromEntries(entries) as PayloadAssets;
  })();
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  return loading;
}

async function fetchBundle(name: AssetName, base: string, fetcher: typeof fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetcher(base + name);
  } catch (error) {
    throw new Error(`Could not load the sandbox file ${base}${name} (${error instanceof Error ? error.message : String(error)}). Are you offline before the site was saved for offline use?`, { cause: error });
  }
  if (!response.ok) throw new Error(`Could not load the sandbox file ${base}${name}: the server answered ${response.status}.`);
  return response.text();
}

const parsersCache = new Map<string, Promise<string>>();

/**
 * `assets` with what this lesson needs beyond its mode's bundles: the config parsers when its
 * checks use `parse` (fetched once per page; a failed fetch is retried on the next call).
 *
 * @example
 * const assets = await withLessonAssets(await fetchPayloadAssets("worker"), checks);
 * const tree = buildPayload({ files, checks, mode: "worker", assets });
 */
export async function withLessonAssets(assets: PayloadAssets, checks: string, base = PAYLOAD_ASSET_BASE, fetcher: typeof fetch = (input, init) => fetch(input, init)): Promise<PayloadAssets> {
  if (!usesConfigParsers(checks) || assets[CONFIG_PARSERS_ASSET] !== undefined) return assets;
  let loading = parsersCache.get(base);
  if (!loading) {
    loading = fetchBundle(CONFIG_PARSERS_ASSET, base, fetcher);
    parsersCache.set(base, loading);
    loading.catch(() => parsersCache.delete(base));
  }
  return { ...assets, [CONFIG_PARSERS_ASSET]: await loading };
}

/** PGlite's files and PostgreSQL's parser (scripts/build-pglite-assets.mjs), served beside the bundles, for database lessons only. */
export const DATABASE_FILE_NAMES = {
  module: "pglite.mjs",
  pgliteWasm: "pglite.wasm",
  initdbWasm: "initdb.wasm",
  fsBundle: "pglite.data",
  dataDir: "pglite-datadir.tar.gz",
  sqlParserModule: "sql-parser.mjs",
  sqlParserWasm: "sql-parser.wasm",
} as const satisfies Record<keyof DatabaseFiles, string>;

const databaseCache = new Map<string, Promise<DatabaseFiles>>();

/**
 * Fetches PGlite's files once per page (a failed fetch is retried on the next call), for a
 * lesson whose checks use the database. The Service Worker keeps them (cache first, like the
 * bundles), so they download once and work offline afterwards. Rejects naming the missing file.
 *
 * @example
 * const files = await fetchDatabaseFiles();
 * grader.post({ type: "database", files });
 */
export function fetchDatabaseFiles(base = PAYLOAD_ASSET_BASE, fetcher: typeof fetch = (input, init) => fetch(input, init)): Promise<DatabaseFiles> {
  const cached = databaseCache.get(base);
  if (cached) return cached;
  const loading = (async () => {
    const entries = await Promise.all(
      Object.entries(DATABASE_FILE_NAMES).map(async ([key, name]) => {
        let response: Response;
        try {
          response = await fetcher(base + name);
        } catch (error) {
          throw new Error(`Could not load the database file ${base}${name} (${error instanceof Error ? error.message : String(error)}). Open a database lesson once while online; it is kept for offline use afterwards.`, { cause: error });
        }
        if (!response.ok) throw new Error(`Could not load the database file ${base}${name}: the server answered ${response.status}.`);
        return [key, await response.blob()] as const;
      }),
    );
    return Object.fromEntries(entries) as unknown as DatabaseFiles;
  })();
  databaseCache.set(base, loading);
  loading.catch(() => databaseCache.delete(base));
  return loading;
}
