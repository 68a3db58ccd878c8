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

const EXTERNAL = ["fastify", "@fastify/cookie", "hono", "hono/*", "@hono/node-server", "express", "cookie", "cookie-signature", "zod"];

/** Builds every app; returns the path of each framework's runnable file. */
export async function buildApps(repoRoot: string): Promise<Record<Framework["id"], string>> {
  const files = {} as Record<Framework["id"], string>;
  for (const framework of FRAMEWORKS) {
    files[framework.id] = await buildApp(repoRoot, framework.id, join(benchCache(repoRoot), `${framework.id}.mjs`));
  }
  return files;
}

/** Where built apps go: under node_modules, so their external imports resolve. */
export function benchCache(repoRoot: string): string {
  const dir = join(repoRoot, "node_modules/.cache/vial-bench");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Builds one app to `outfile`. `vialSource` swaps in another copy of framework/src (the same
 * layout), so two versions of Vial can be compared in one run.
 */
export async function buildApp(repoRoot: string, id: Framework["id"], outfile: string, vialSource?: string): Promise<string> {
  await build({
    entryPoints: [join(repoRoot, "bench/http/apps", `${id}.ts`)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    // framework/src, not the package's compiled dist/ (see framework/package.json `exports`).
    conditions: ["vial-source"],
    ...(vialSource ? { alias: { vial: vialSource } } : {}),
    logLevel: "error",
  });
  return outfile;
}
