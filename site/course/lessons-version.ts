/**
 * A fingerprint of every file under lessons/ (paths, sizes, modification times), so the dev
 * server can tell the page that a lesson changed.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";

/**
 * The current fingerprint of `root`.
 *
 * @example
 * await lessonsVersion("lessons"); // "3f9c…"
 */
export async function lessonsVersion(root: string): Promise<string> {
  const hash = createHash("sha256");
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    hash.update(`${file}:${info?.size ?? 0}:${info?.mtimeMs ?? 0}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}
