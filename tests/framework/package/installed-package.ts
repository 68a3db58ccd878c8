/**
 * The framework as a user gets it: `npm pack` of framework/ (which builds dist/ in `prepack`),
 * installed from the tarball into a project in the system's temporary folder, away from this
 * repository's node_modules. tsx, typescript and @types/node come in at the versions this
 * repository has installed, so npm finds them in its cache (`--prefer-offline`).
 *
 * Packing and installing take a while, so the result is kept per hash of the package's inputs
 * and shared by every test file (a lock folder makes parallel workers wait for one builder).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const repoRoot = process.cwd();
const frameworkRoot = join(repoRoot, "framework");
const INPUTS = ["package.json", "tsconfig.build.json", "bin", "src", "starter", "scripts", "README.md", "../LICENSE", "../CHANGELOG.md"];
const LOCK_GIVEN_UP_AFTER_MS = 10 * 60_000;

export interface InstalledPackage {
  /** The .tgz `npm pack` wrote. */
  tarball: string;
  /** A project (package.json with "type": "module") with the tarball, tsx and typescript installed. */
  project: string;
}

/** The version of a package installed in this repository, for an install npm can take from its cache. */
export function repoVersion(name: string): string {
  return (JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** `npm install` of `specs` in `dir`, from npm's cache where it can. */
export function npmInstall(dir: string, specs: string[] = []): void {
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...specs], { cwd: dir, stdio: "pipe" });
}

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => listFiles(join(path, name)));
}

function inputKey(): string {
  const hash = createHash("sha256").update(process.version);
  for (const file of INPUTS.flatMap((input) => listFiles(join(frameworkRoot, input))).sort()) {
    hash.update(relative(frameworkRoot, file)).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

function packAndInstall(dir: string): InstalledPackage {
  const tarballs = join(dir, "tarball");
  mkdirSync(tarballs, { recursive: true });
  execFileSync("npm", ["pack", "--pack-destination", tarballs, "--loglevel=error"], { cwd: frameworkRoot, stdio: "pipe" });
  const tarball = join(tarballs, readdirSync(tarballs).find((name) => name.endsWith(".tgz"))!);
  const project = join(dir, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "vial-user", private: true, type: "module" }));
  npmInstall(project, [tarball, `tsx@${repoVersion("tsx")}`, `typescript@${repoVersion("typescript")}`, `@types/node@${repoVersion("@types/node")}`]);
  return { tarball, project };
}

/** Packs and installs the framework once per change to its inputs; later calls reuse it. */
export async function installedPackage(): Promise<InstalledPackage> {
  const dir = join(tmpdir(), `vial-package-${inputKey()}`);
  const ready = join(dir, "ready.json");
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, "utf8")) as InstalledPackage;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building it; a lock older than any build is left over from a crash.
      const lockedAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > LOCK_GIVEN_UP_AFTER_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      const installed = packAndInstall(dir);
      writeFileSync(ready, JSON.stringify(installed));
      return installed;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
