/** Types for build-vial-bundle.mjs, so TypeScript callers (the node engine, tests) can import it. */
export interface BuildVialBundleOptions {
  root?: string;
  outDir?: string;
  force?: boolean;
}

export interface BuiltVialBundle {
  outDir: string;
  built: boolean;
  /** Bundle name (e.g. "vial.mjs") to absolute path. */
  files: Record<"vial.mjs" | "vial-node.mjs" | "zod.mjs" | "sucrase.mjs" | "runtime.mjs" | "worker-host.mjs" | "grader-runtime.mjs" | "learner-runtime.mjs" | "grader-host.mjs" | "learner-host.mjs" | "config-parsers.mjs", string>;
  /** PGlite's browser files (scripts/build-pglite-assets.mjs), name to absolute path. */
  databaseFiles: Record<PgliteAssetName, string>;
}

export type PgliteAssetName = "pglite.mjs" | "pglite.wasm" | "initdb.wasm" | "pglite.data" | "pglite-datadir.tar.gz" | "sql-parser.mjs" | "sql-parser.wasm";

export function buildVialBundle(options?: BuildVialBundleOptions): Promise<BuiltVialBundle>;
