#!/usr/bin/env node
/**
 * Builds the sandbox payload's bundles with esbuild into `.vial-bundle/` (git-ignored):
 *
 *   vial.mjs       the framework, one ESM file (browser Worker engine): the core and the subpaths
 *                  lesson code may import, as namespaces (`export * as core`, `export * as testing`, ...;
 *                  sandbox/payload/vial-modules.ts names them)
 *   vial-node.mjs  the same with vial/node and vial/db (`export * as node`, `export * as db`)
 *   zod.mjs        zod, for lessons that validate input
 *   sucrase.mjs    sucrase's transform: TypeScript to CommonJS, pure JS
 *   runtime.mjs    the payload runtime: module loader and grader (worker engine)
 *   config-parsers.mjs   the grader's `parse` (dockerfile-ast, yaml), for lessons whose checks use it
 *   grader-runtime.mjs   the grader realm's runtime: checks, proxies, the report
 *   learner-runtime.mjs  the learner realm's runtime: module loader, the learner side of the protocol
 *   grader-host.mjs      the entry the node and WebContainer engines run with `node`
 *   learner-host.mjs     the learner process the grader host starts
 *   worker-host.mjs  the entry the worker engine runs in a Web Worker
 *
 * and, beside them, PGlite's browser files for database lessons (scripts/build-pglite-assets.mjs,
 * returned as `databaseFiles`).
 *
 * Builds are cached: a hash of every input is kept in manifest.json and an unchanged input set
 * skips the build, so tests and the `learn` command build once. Files are written atomically,
 * so concurrent builders (parallel test files) never see half a file.
 *
 * Usage: `node scripts/build-vial-bundle.mjs [--force]`, or `await buildVialBundle()`.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildPgliteAssets } from "./build-pglite-assets.mjs";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** Every bundle, with what goes in it and how it is built. */
function bundleSpecs(root) {
  const framework = join(root, "framework/src");
  const payload = join(root, "sandbox/payload");
  return {
    "vial.mjs": { contents: namespaces(framework, ["core", "testing", "signing", "routing", "cookies"]), platform: "neutral" },
    "vial-node.mjs": { contents: namespaces(framework, ["core", "testing", "signing", "routing", "cookies", "node", "db"]), platform: "node" },
    "zod.mjs": { contents: `export * from "zod";\nexport { default } from "zod";`, platform: "neutral", minify: true },
    "sucrase.mjs": { contents: `export { transform } from "sucrase";`, platform: "neutral", minify: true },
    "runtime.mjs": { entry: join(payload, "runtime/index.ts"), platform: "neutral" },
    // dockerfile-ast and yaml, for checks that use `parse` only (sandbox/grader/config-parsers.ts).
    "config-parsers.mjs": { entry: join(root, "sandbox/grader/config-files.ts"), platform: "neutral", minify: true },
    "grader-runtime.mjs": { entry: join(payload, "grader-side/index.ts"), platform: "neutral" },
    "learner-runtime.mjs": { entry: join(payload, "learner-side/index.ts"), platform: "neutral" },
    "grader-host.mjs": { entry: join(payload, "hosts/grader-host.ts"), platform: "node" },
    "learner-host.mjs": { entry: join(payload, "hosts/learner-host.ts"), platform: "node" },
    // A classic script: the runner starts it from a blob: URL in an opaque origin, where Chromium
    // refuses module Workers (it still lets the script import() the other bundles' blob: URLs).
    "worker-host.mjs": { entry: join(root, "sandbox/engines/worker/host/index.ts"), platform: "browser", format: "iife" },
  };
}

/** One bundle holding the framework's entry points as namespaces (see sandbox/payload/vial-modules.ts). */
function namespaces(framework, names) {
  const entries = { core: "index.ts", testing: "testing/index.ts", signing: "signing/entry.ts", routing: "routing/entry.ts", cookies: "cookies/entry.ts", node: "node/index.ts", db: "db/index.ts" };
  return names.map((name) => `export * as ${name} from ${JSON.stringify(join(framework, entries[name]))};`).join("\n");
}

/** Source folders whose contents decide whether a rebuild is needed. */
const INPUT_DIRS = ["framework/src", "sandbox/payload", "sandbox/grader", "sandbox/engines/worker/host"];
const INPUT_FILES = ["sandbox/report.ts", "scripts/build-vial-bundle.mjs", "node_modules/esbuild/package.json", "node_modules/sucrase/package.json", "node_modules/zod/package.json", "node_modules/parse5/package.json", "node_modules/csp_evaluator/package.json", "node_modules/dockerfile-ast/package.json", "node_modules/yaml/package.json"];

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** A hash of every input's path and contents: cheap for a few hundred KB of sources. */
function inputHash(root) {
  const hash = createHash("sha256");
  const files = [...INPUT_DIRS.flatMap((dir) => listFiles(join(root, dir))), ...INPUT_FILES.map((file) => join(root, file))];
  for (const file of files.sort()) {
    hash.update(relative(root, file));
    hash.update(existsSync(file) ? readFileSync(file) : "");
  }
  return hash.digest("hex");
}

function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function readManifest(outDir) {
  try {
    return JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Builds the payload bundles unless the cached ones are up to date.
 *
 * @param {{ root?: string, outDir?: string, force?: boolean }} [options]
 * @returns {Promise<{ outDir: string, built: boolean, files: Record<string, string>, databaseFiles: Record<string, string> }>}
 *   `files` maps each bundle name (e.g. "vial.mjs") to its absolute path, `databaseFiles` each of
 *   PGlite's browser files (binary, unlike the bundles).
 * @example
 * const { files } = await buildVialBundle();
 * const runtime = await import(pathToFileURL(files["runtime.mjs"]).href);
 */
export async function buildVialBundle(options = {}) {
  const root = options.root ?? repoRoot;
  const outDir = options.outDir ?? join(root, ".vial-bundle");
  const specs = bundleSpecs(root);
  const files = Object.fromEntries(Object.keys(specs).map((name) => [name, join(outDir, name)]));
  const key = inputHash(root);
  const manifest = readManifest(outDir);
  const upToDate = manifest?.key === key && Object.values(files).every((file) => existsSync(file));
  const databaseFiles = await buildPgliteAssets({ root, outDir });
  if (upToDate && !options.force) return { outDir, built: false, files, databaseFiles };

  const esbuild = await import("esbuild");
  mkdirSync(outDir, { recursive: true });
  const outputs = await Promise.all(
    Object.entries(specs).map(async ([name, spec]) => {
      const result = await esbuild.build({
        ...(spec.entry ? { entryPoints: [spec.entry] } : { stdin: { contents: spec.contents, resolveDir: root, loader: "ts" } }),
        bundle: true,
        write: false,
        format: spec.format ?? "esm",
        platform: spec.platform,
        target: "es2022",
        mainFields: ["module", "main"],
        conditions: ["vial-source", "import", "module", "default"],
        minify: spec.minify ?? false,
        legalComments: "none",
        logLevel: "silent",
        ...(spec.platform === "node"
          ? { banner: { js: 'import { createRequire as __vialCreateRequire } from "node:module"; const require = __vialCreateRequire(import.meta.url);' } }
          : {}),
      });
      return [name, result.outputFiles[0].contents];
    }),
  ).catch((error) => {
    throw new Error(`Could not build the sandbox payload bundles: ${error.message}`, { cause: error });
  });
  for (const [name, contents] of outputs) writeAtomically(join(outDir, name), contents);
  writeAtomically(join(outDir, "manifest.json"), JSON.stringify({ key, builtAt: new Date().toISOString(), sizes: Object.fromEntries(outputs.map(([n, c]) => [n, c.length])) }, null, 2));
  return { outDir, built: true, files, databaseFiles };
}

const invokedDirectly = process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url;
if (invokedDirectly) {
  const started = Date.now();
  buildVialBundle({ force: process.argv.includes("--force") }).then(
    ({ outDir, built, files }) => {
      const sizes = Object.entries(files).map(([name, file]) => `${name} ${(statSync(file).size / 1024).toFixed(0)} KB`);
      console.log(`${built ? "Built" : "Up to date:"} ${relative(process.cwd(), outDir) || "."} (${sizes.join(", ")}) in ${Date.now() - started} ms`);
    },
    (error) => {
      console.error(error.message ?? error);
      process.exitCode = 1;
    },
  );
}
