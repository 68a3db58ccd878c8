import { existsSync } from "node:fs";
import type { LearnContext } from "../context";
import { loadCourseFor } from "../context";
import { readProgress } from "../progress";
import { lessonDir } from "../workspace-files";

/**
 * `learn list`: chapters and lessons in course order, each marked passed (✓), started (•) or
 * not started, with the current lesson pointed at.
 *
 * @example
 * await listCommand(context); // exit code 0
 */
export async function listCommand(context: LearnContext): Promise<number> {
  const { style, print } = context;
  const course = await loadCourseFor(context);
  const progress = await readProgress(context.workspaceDir);
  let total = 0;
  let passed = 0;
  for (const chapter of course.chapters) {
    print(style.bold(`${chapter.number}. ${chapter.title}`) + style.dim(`  ${chapter.summary}`));
    for (const lesson of chapter.lessons) {
      total++;
      const record = progress.lessons[lesson.id];
      const started = record !== undefined || existsSync(lessonDir(context.workspaceDir, lesson.id));
      if (record?.passedAt) passed++;
      const mark = record?.passedAt ? style.green("✓") : started ? style.yellow("•") : style.dim("·");
      const pointer = progress.current === lesson.id ? style.cyan("▸") : " ";
      print(`  ${pointer} ${mark} ${lesson.id.padEnd(36)} ${lesson.frontmatter.title} ${style.dim(`(${lesson.frontmatter.minutes} min)`)}`);
    }
    print();
  }
  print(`${passed} of ${total} lessons passed. ✓ passed  • started  · not started  ▸ current`);
  if (!progress.current && course.chapters[0]?.lessons[0]) {
    print(`Begin with: npm run learn -- start ${course.chapters[0].lessons[0].id}`);
  }
  return 0;
}
