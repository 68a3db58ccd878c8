/**
 * The files of the current Next.js build that browsers load from /_next/static/, listed at build
 * time so the Service Worker can precache every one of them (the lazily loaded workspace too),
 * not only those the pages name in their HTML.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * URLs of every file under .next/static/ (empty before a build, e.g. in `next dev`).
 *
 * @example
 * await staticBuildFiles(); // ["/_next/static/chunks/0a1b.js", ...]
 */
export async function staticBuildFiles(distDir = join(process.cwd(), ".next")): Promise<string[]> {
  const root = join(distDir, "static");
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && !entry.name.endsWith(".map"))
      .map((entry) => `/_next/static/${join(entry.parentPath, entry.name).slice(root.length + 1).split("\\").join("/")}`)
      .sort();
  } catch {
    return [];
  }
}
