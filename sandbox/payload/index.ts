// From paths.ts, not run-checks.ts: the page imports this module (engines build the payload in
// the browser), and run-checks.ts would bring the whole grader into the page's JavaScript.
import { CHECKS_PATH, PAYLOAD_DIR, safeLearnerPath } from "./runtime/paths";
import { usesConfigParsers } from "./uses-config-parsers";

/** A file tree: payload-relative path to contents. */
export type PayloadTree = Record<string, string | Uint8Array>;

/** "node" runs `node .vial/grader-host.mjs` (node engine, WebContainers); "worker" runs in a Web Worker. */
export type PayloadMode = "node" | "worker";

/** The bundles built by scripts/build-vial-bundle.mjs, by file name. */
export type AssetName =
  | "vial.mjs" | "vial-node.mjs" | "zod.mjs" | "sucrase.mjs" | "runtime.mjs" | "worker-host.mjs"
  | "grader-runtime.mjs" | "learner-runtime.mjs" | "grader-host.mjs" | "learner-host.mjs" | "config-parsers.mjs";
export type PayloadAssets = Partial<Record<AssetName, string | Uint8Array>>;

/** Which bundles each mode needs for every lesson. */
export const ASSETS_BY_MODE: Record<PayloadMode, AssetName[]> = {
  node: ["vial-node.mjs", "zod.mjs", "sucrase.mjs", "grader-runtime.mjs", "learner-runtime.mjs", "grader-host.mjs", "learner-host.mjs"],
  worker: ["vial.mjs", "zod.mjs", "sucrase.mjs", "runtime.mjs", "worker-host.mjs"],
};

/** The entry a node-mode payload is run with: `node .vial/grader-host.mjs` (it starts the learner host). */
/** The bundle of the grader's `parse` (dockerfile-ast, yaml): in the payload only when the checks use it. */
export const CONFIG_PARSERS_ASSET: AssetName = "config-parsers.mjs";

export const NODE_HOST_PATH = `${PAYLOAD_DIR}/grader-host.mjs`;

export interface BuildPayloadOptions {
  /** The learner's files, by workspace-relative path. */
  files: Record<string, string>;
  /** The lesson's checks.ts source. */
  checks: string;
  mode: PayloadMode;
  /** The prebuilt bundles (node: `loadPayloadAssets()`; browser: fetched from the site). */
  assets: PayloadAssets;
}

/**
 * Builds the file tree every engine runs: the bundles under `.vial/` (the config parsers only for
 * checks that use `parse`), the lesson's checks at `.vial/checks.ts`, and the learner's files at
 * the root. Pure, so it runs in a browser too.
 * Throws when a bundle the mode needs is missing or a learner path leaves the workspace.
 *
 * @example
 * const tree = buildPayload({ files: { "app.ts": source }, checks, mode: "node", assets: await loadPayloadAssets() });
 * for (const [path, contents] of Object.entries(tree)) await writeFile(join(dir, path), contents);
 */
export function buildPayload(options: BuildPayloadOptions): PayloadTree {
  const tree: PayloadTree = {};
  const names: AssetName[] = [...ASSETS_BY_MODE[options.mode], ...(usesConfigParsers(options.checks) ? [CONFIG_PARSERS_ASSET] : [])];
  for (const name of names) {
    const contents = options.assets[name];
    if (contents === undefined) throw new Error(`The payload needs ${name}; build it with \`npm run build\`.`);
    tree[`${PAYLOAD_DIR}/${name}`] = contents;
  }
  tree[CHECKS_PATH] = options.checks;
  for (const [path, contents] of Object.entries(options.files)) tree[safeLearnerPath(path)] = contents;
  return tree;
}

export { CHECKS_PATH, PAYLOAD_DIR, safeLearnerPath };
