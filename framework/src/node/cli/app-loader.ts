/**
 * How the `vial` command runs a user's app file. The package itself is compiled JavaScript; only
 * the app may need TypeScript support, and that comes from the app's own project:
 *
 * - JavaScript (`.js`, `.mjs`): Node loads it as it is.
 * - TypeScript with `tsx` installed next to the app (`npm i -D tsx`): tsx loads it, and `vial dev`
 *   restarts through `tsx watch`. Preferred, since it accepts extensionless imports and enums.
 * - TypeScript without tsx, on a Node that strips types itself (22.18 and later): Node loads it.
 *
 * Otherwise the command says what to install, instead of failing inside Node's loader.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

type AppLoader =
  | { kind: "node" }
  /** `importUrl` goes after `--import`; `cli` is tsx's command (for `tsx watch`); `api` has `tsImport`. */
  | { kind: "tsx"; importUrl: string; cli: string; api: string };

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/** Finds how to load `entry`; throws an Error that says what to install when nothing can. */
export function appLoader(entry: string): AppLoader {
  if (!TYPESCRIPT_FILE.test(entry)) return { kind: "node" };
  const tsx = findTsx(resolve(entry)) ?? findTsx(resolve("package.json"));
  if (tsx) return tsx;
  if (nodeStripsTypes()) return { kind: "node" };
  throw new Error(
    `${entry} is TypeScript, and this Node (${process.version}) cannot run TypeScript by itself. ` +
      "Install tsx in the app's project (npm install --save-dev tsx) or use Node 22.18 or later.",
  );
}

function findTsx(from: string): Extract<AppLoader, { kind: "tsx" }> | undefined {
  const require = createRequire(from);
  try {
    return {
      kind: "tsx",
      importUrl: pathToFileURL(require.resolve("tsx")).href,
      cli: require.resolve("tsx/cli"),
      api: esmApi(require.resolve("tsx/package.json")),
    };
  } catch {
    return undefined;
  }
}

/**
 * tsx's ES module API (`tsImport`). `require.resolve` would give its CommonJS build, which cannot
 * register the loader from an ES module, so the file is read from tsx's own `exports` map.
 */
function esmApi(manifestPath: string): string {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports["./esm/api"]!.import.default)).href;
}

function nodeStripsTypes(): boolean {
  return Boolean((process.features as { typescript?: string | false }).typescript);
}
