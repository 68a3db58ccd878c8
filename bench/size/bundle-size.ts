/**
 * The size learners download for the sandbox: Vial's core (framework/src/index.ts) bundled by
 * esbuild for a browser Worker (platform neutral), minified, then gzipped with node:zlib.
 */
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** Bytes of the minified bundle and of its gzip. */
export interface BundleSize {
  minifiedBytes: number;
  gzippedBytes: number;
}

/** Builds the bundle in memory and measures it. */
export async function measureBundleSize(repoRoot: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [join(repoRoot, "framework/src/index.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    minify: true,
    legalComments: "none",
    logLevel: "error",
  });
  const code = result.outputFiles[0]!.contents;
  return { minifiedBytes: code.byteLength, gzippedBytes: gzipSync(code, { level: 9 }).byteLength };
}
