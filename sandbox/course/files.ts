/**
 * Reading lesson folders from disk. Node-only (the site reads lessons at build time, the CLI and
 * the tooling run in Node); nothing here is shipped to a browser.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Files } from "./types";

/**
 * Reads every file under `dir` into a map keyed by forward-slash relative path, sorted by path.
 * Returns `undefined` when `dir` does not exist.
 *
 * @example
 * ```ts
 * await readFiles("lessons/01-first-steps/01-hello-vial/starter"); // { "app.ts": "import ..." }
 * ```
 */
export async function readFiles(dir: string): Promise<Files | undefined> {
  if (!(await isDirectory(dir))) return undefined;
  const files: Files = {};
  for (const relative of await listFilesRecursively(dir)) {
    files[relative] = await readFile(join(dir, relative), "utf8");
  }
  return files;
}

/**
 * Every file path under `dir`, relative and with forward slashes, sorted.
 *
 * @example
 * ```ts
 * await listFilesRecursively("starter"); // ["app.ts", "routes/users.ts"]
 * ```
 */
export async function listFilesRecursively(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).split("\\").join("/"))
    .sort();
}

/**
 * The names directly inside `dir` with whether each is a folder, sorted by name.
 *
 * @example
 * ```ts
 * await listEntries("lessons"); // [{ name: "01-first-steps", isDirectory: true }, ...]
 * ```
 */
export async function listEntries(dir: string): Promise<{ name: string; isDirectory: boolean }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Whether `path` exists and is a folder.
 *
 * @example
 * ```ts
 * await isDirectory("lessons"); // true
 * ```
 */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads a text file, or returns `undefined` when it does not exist.
 *
 * @example
 * ```ts
 * await readTextFile("lessons/02-routing/chapter.mdx");
 * ```
 */
export async function readTextFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw error;
  }
}
