/**
 * `vial new <dir>`: copies the starter (framework/starter, shipped in the package) into a new
 * folder and writes its package.json, so `npm install && npm test && npm run dev` work at once.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package's root: three folders up from src/node/cli or dist/node/cli. */
const packageRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Creates the app in `dir`; resolves to the exit code. Refuses a folder that has files in it. */
export function createStarter(dir: string): number {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    console.error(`vial new: ${dir} already has files in it; choose a new folder.`);
    return 1;
  }
  cpSync(join(packageRoot, "starter"), target, { recursive: true });
  // npm leaves .gitignore files out of packages, so the starter ships it without the dot.
  renameSync(join(target, "gitignore"), join(target, ".gitignore"));
  writeFileSync(join(target, "package.json"), `${JSON.stringify(starterManifest(basename(target)), null, 2)}\n`);
  console.log(`Created ${dir}. Next:\n\n  cd ${dir}\n  npm install\n  npm test\n  npm run dev\n`);
  return 0;
}

function starterManifest(name: string) {
  const vial = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
  return {
    name: name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-"),
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      dev: "vial dev src/dev.ts",
      start: "vial run src/server.ts",
      test: "node --import tsx --test test/app.test.ts",
      typecheck: "tsc --noEmit",
    },
    dependencies: { vial: `^${vial.version}` },
    devDependencies: { "@types/node": "^20.19.0", tsx: "^4.20.0", typescript: "^5.9.0" },
  };
}
