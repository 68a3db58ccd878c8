import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The folder of a lesson's work: workspace/<chapter-slug>/<lesson-slug>.
 *
 * @example
 * lessonDir("workspace", "first-steps/hello-vial") // "workspace/first-steps/hello-vial"
 */
export function lessonDir(workspace: string, lessonId: string): string {
  return join(workspace, ...lessonId.split("/"));
}

/**
 * Reads the learner's files of a lesson, keyed by forward-slash relative path. Hidden files
 * and node_modules are left out; undefined when the folder does not exist.
 *
 * @example
 * await readLearnerFiles("workspace/first-steps/hello-vial") // { "app.ts": "..." }
 */
export async function readLearnerFiles(dir: string): Promise<Record<string, string> | undefined> {
  if (!existsSync(dir)) return undefined;
  const files: Record<string, string> = {};
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(join(dir, relative), { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files[path] = await readFile(join(dir, path), "utf8");
    }
  };
  await walk("");
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Writes files into a folder, creating subfolders. With `overwrite: false` existing files are
 * kept; returns the paths actually written.
 *
 * @example
 * await writeLearnerFiles(dir, lesson.starter, { overwrite: false });
 */
export async function writeLearnerFiles(dir: string, files: Record<string, string>, options: { overwrite: boolean }): Promise<string[]> {
  const written: string[] = [];
  for (const [path, contents] of Object.entries(files)) {
    const target = join(dir, path);
    if (!options.overwrite && existsSync(target)) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, contents);
    written.push(path);
  }
  return written;
}

/**
 * Copies a lesson's folder to workspace/.backups/<lesson-id>/<timestamp>/ and returns that path.
 *
 * @example
 * const backup = await backupLesson("workspace", "first-steps/hello-vial");
 */
export async function backupLesson(workspace: string, lessonId: string, now = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  const target = join(workspace, ".backups", ...lessonId.split("/"), stamp);
  await mkdir(dirname(target), { recursive: true });
  await cp(lessonDir(workspace, lessonId), target, { recursive: true });
  return target;
}
