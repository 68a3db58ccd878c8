/**
 * The lesson's database in a WebContainer: the same PGlite files the worker engine fetches from
 * the site (scripts/build-pglite-assets.mjs, cached by the Service Worker), written into the
 * graded copy's `.vial/` with the payload, and the source the grader host opens them from. The
 * grader host then starts PGlite exactly as under the node engine (hosts/database-host.ts: its
 * own thread, the hardening, the parser, the wipe). No `npm install` in the container.
 */
import { PAYLOAD_DIR } from "../../payload/index";
import type { PayloadTree } from "../../payload/index";
import type { DatabaseSource } from "../../payload/hosts/host-config";
import { DATABASE_FILE_NAMES, fetchDatabaseFiles, PAYLOAD_ASSET_BASE } from "../browser-assets";

/** PGlite's files and PostgreSQL's parser as the site serves them (DATABASE_FILE_NAMES), as bytes. */
export type DatabaseFileBytes = Record<keyof typeof DATABASE_FILE_NAMES, Uint8Array>;

/**
 * What the build appends to libpg-query's script to make the ES module the grader Worker
 * imports (scripts/build-pglite-assets.mjs). Without it the file is the package's own CommonJS
 * script, which node runs as it is (its ESM form calls `require`, which node's ES modules lack).
 */
const PARSER_ESM_EXPORT = "\nexport default PgQueryModule;\n";

/** Where each file lands in the payload (payload-relative). */
const MOUNTED = {
  module: `${PAYLOAD_DIR}/pglite.mjs`,
  pgliteWasm: `${PAYLOAD_DIR}/pglite.wasm`,
  initdbWasm: `${PAYLOAD_DIR}/initdb.wasm`,
  fsBundle: `${PAYLOAD_DIR}/pglite.data`,
  dataDir: `${PAYLOAD_DIR}/pglite-datadir.tar.gz`,
  // libpg-query's names: under node its script reads its WebAssembly from beside itself by this name.
  sqlParserModule: `${PAYLOAD_DIR}/libpg-query.cjs`,
  sqlParserWasm: `${PAYLOAD_DIR}/libpg-query.wasm`,
} as const satisfies Record<keyof DatabaseFileBytes, string>;

/**
 * The grader host's database inside the container: the mounted files, by payload-relative path
 * (the host resolves them against its payload root, hosts/database-host.ts).
 */
export const CONTAINER_DATABASE_SOURCE: DatabaseSource = {
  pglite: MOUNTED.module,
  dataDir: MOUNTED.dataDir,
  files: { pgliteWasm: MOUNTED.pgliteWasm, initdbWasm: MOUNTED.initdbWasm, fsBundle: MOUNTED.fsBundle },
  sqlParser: MOUNTED.sqlParserModule,
};

/**
 * The payload entries that put the database files into `.vial/`, to merge into a database
 * lesson's payload tree. The parser goes in as CommonJS (`libpg-query.cjs`, the served module
 * without its ESM export line). Throws if a file is missing or the parser is not the build's.
 *
 * @example
 * const tree = { ...buildPayload({ files, checks, mode: "node", assets }), ...databaseMount(files) };
 */
export function databaseMount(files: DatabaseFileBytes): PayloadTree {
  const tree: PayloadTree = {};
  for (const [key, path] of Object.entries(MOUNTED) as [keyof DatabaseFileBytes, string][]) {
    const bytes = files[key];
    if (!(bytes instanceof Uint8Array)) throw new Error(`The lesson's database needs ${DATABASE_FILE_NAMES[key]}, which is missing.`);
    tree[path] = bytes;
  }
  tree[MOUNTED.sqlParserModule] = parserAsCommonJs(files.sqlParserModule);
  return tree;
}

function parserAsCommonJs(module: Uint8Array): string {
  const source = new TextDecoder().decode(module);
  if (!source.endsWith(PARSER_ESM_EXPORT)) throw new Error(`${DATABASE_FILE_NAMES.sqlParserModule} is not the parser module scripts/build-pglite-assets.mjs builds (its last line should be "${PARSER_ESM_EXPORT.trim()}").`);
  return source.slice(0, -PARSER_ESM_EXPORT.length) + "\n";
}

/**
 * Fetches the database files from the site as bytes (fetchDatabaseFiles: once per page, from
 * the Service Worker's cache after the first visit, so offline too).
 *
 * @example
 * const files = await fetchDatabaseBytes();
 */
export async function fetchDatabaseBytes(base = PAYLOAD_ASSET_BASE, fetcher?: typeof fetch): Promise<DatabaseFileBytes> {
  const blobs = await fetchDatabaseFiles(base, fetcher);
  const entries = await Promise.all(Object.entries(blobs).map(async ([key, blob]: [string, Blob]) => [key, new Uint8Array(await blob.arrayBuffer())] as const));
  return Object.fromEntries(entries) as DatabaseFileBytes;
}
