import { existsSync } from "node:fs";
import type { LearnContext } from "../context";
import { loadCourseFor } from "../context";
import { readProgress } from "../progress";
import { lessonDir } from "../workspace-files";
import { formatMinutes } from "../../course/minutes";
import { tallyOf, type TaskCounts } from "../../course/tally";
import type { Lesson } from "../../course/index";

/**
 * `learn list`: the course as a path, chapter by chapter in order, with each chapter's time and
 * how much of it is passed; each lesson marked passed (✓), started (•) or not started, with its
 * time, what it builds on, its tally ("7 of 11 fixed") where it keeps one, and the current
 * lesson pointed at.
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
    const minutes = chapter.lessons.reduce((sum, lesson) => sum + lesson.frontmatter.minutes, 0);
    const chapterPassed = chapter.lessons.filter((lesson) => progress.lessons[lesson.id]?.passedAt).length;
    const count = `${chapter.lessons.length} lesson${chapter.lessons.length === 1 ? "" : "s"}`;
    const scores = chapter.lessons.map((lesson) => score(lesson, progress.lessons[lesson.id]?.taskChecks)).filter(Boolean);
    print(style.bold(`${chapter.number}. ${chapter.title}`) + style.dim(`  ${[count, formatMinutes(minutes), `${chapterPassed} of ${chapter.lessons.length} passed`, ...scores].join(", ")}`));
    print(style.dim(`   ${chapter.summary}`));
    for (const lesson of chapter.lessons) {
      total++;
      const record = progress.lessons[lesson.id];
      const started = record !== undefined || existsSync(lessonDir(context.workspaceDir, lesson.id));
      if (record?.passedAt) passed++;
      const mark = record?.passedAt ? style.green("✓") : started ? style.yellow("•") : style.dim("·");
      const pointer = progress.current === lesson.id ? style.cyan("▸") : " ";
      const tally = score(lesson, record?.taskChecks);
      print(`  ${pointer} ${mark} ${lesson.id.padEnd(36)} ${lesson.frontmatter.title} ${style.dim(`(${lesson.frontmatter.minutes} min)`)}${tally ? style.yellow(`  ${tally}`) : ""}`);
      if (lesson.buildsOn.length > 0) print(style.dim(`      builds on ${lesson.buildsOn.join(", ")}`));
    }
    print();
  }
  print(`${passed} of ${total} lessons passed. ✓ passed  • started  · not started  ▸ current`);
  if (!progress.current && course.chapters[0]?.lessons[0]) {
    print(`Begin with: npm run learn -- start ${course.chapters[0].lessons[0].id}`);
  }
  return 0;
}

/** "7 of 11 fixed" for a lesson that keeps a tally and has been checked; "" otherwise. */
function score(lesson: Lesson, counts: TaskCounts | undefined): string {
  const tally = lesson.frontmatter.tally;
  const found = tally && tallyOf(counts, tally.tasks);
  return tally && found ? `${found.passed} of ${found.total} ${tally.label}` : "";
}
