/**
 * Compiles each benchmark app to one plain ESM file with esbuild, so every server starts with the
 * same `node file.mjs` (no TypeScript loader in the measurement). Vial's TypeScript sources and
 * the app code are bundled in; the other frameworks and zod stay in node_modules, loaded as their
 * users load them. The output goes under node_modules/.cache, from where node_modules resolves.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { FRAMEWORKS, type Framework } from "./frameworks";

const EXTERNAL = ["fastify", "hono", "hono/*", "@hono/node-server", "express", "cookie", "cookie-signature", "zod"];

/** Builds every app; returns the path of each framework's runnable file. */
export async function buildApps(repoRoot: string): Promise<Record<Framework["id"], string>> {
  const outDir = join(repoRoot, "node_modules/.cache/vial-bench");
  mkdirSync(outDir, { recursive: true });
  const files = {} as Record<Framework["id"], string>;
  for (const framework of FRAMEWORKS) {
    const outfile = join(outDir, `${framework.id}.mjs`);
    await build({
      entryPoints: [join(repoRoot, "bench/http/apps", `${framework.id}.ts`)],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      external: EXTERNAL,
      logLevel: "error",
    });
    files[framework.id] = outfile;
  }
  return files;
}
