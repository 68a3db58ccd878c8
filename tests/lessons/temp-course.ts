/**
 * Builds small courses in a temp folder for tests: `writeCourse({ "01-a/chapter.mdx": "..." })`.
 * The defaults make one valid chapter with one valid lesson, so a test spells out only what it
 * breaks.
 */
import { mkdtemp, mkdir, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const CHAPTER_MDX = "---\ntitle: Basics\nsummary: A chapter for tests.\n---\n\nIntro.\n";

export function lessonMdx(extraFrontmatter = "", tasks = 1): string {
  const taskBlocks = Array.from({ length: tasks }, (_, i) => `<Task n={${i + 1}} title="Task ${i + 1}" hint="Hint ${i + 1}.">\nDo thing ${i + 1}.\n</Task>\n`).join("\n");
  return `---\ntitle: Ping\nsummary: Answer a ping.\nminutes: 5\nfocus: app.ts\nobjectives:\n  - Answer GET /ping\n${extraFrontmatter}---\n\nText.\n\n${taskBlocks}`;
}

export const STARTER = 'import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/ping", () => "no");\n';
export const SOLUTION = 'import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/ping", () => "pong");\n';
export const CHECKS = 'import { check } from "grader";\ncheck("ping", () => {}, { task: 1 });\n';

/** A valid one-lesson course's files, keyed by path under the course root. */
export function validLessonFiles(chapter = "01-basics", lesson = "01-ping"): Record<string, string> {
  return {
    [`${chapter}/chapter.mdx`]: CHAPTER_MDX,
    [`${chapter}/${lesson}/lesson.mdx`]: lessonMdx(),
    [`${chapter}/${lesson}/starter/app.ts`]: STARTER,
    [`${chapter}/${lesson}/solution/app.ts`]: SOLUTION,
    [`${chapter}/${lesson}/checks.ts`]: CHECKS,
  };
}

/** Writes `files` under a new temp folder; returns its path and a cleanup function. */
export async function writeCourse(files: Record<string, string | null>): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), "lessons-test-"));
  const root = join(base, "lessons");
  await mkdir(root);
  for (const [path, contents] of Object.entries(files)) {
    if (contents === null) continue;
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), contents);
  }
  return { root, cleanup: () => rm(base, { recursive: true, force: true }) };
}
