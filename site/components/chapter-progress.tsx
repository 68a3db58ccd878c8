"use client";
/**
 * How far the learner is through one chapter of the outline: lessons passed, and the tally of
 * each scored lesson in it ("7 of 11 fixed"), from the saved progress.
 */
import { useStore } from "../state/use-store";
import { progressStore } from "../state/progress-store";
import { tallyOf } from "../../sandbox/course/tally";

/** A lesson of the chapter, as far as its progress goes. */
export interface ChapterProgressLesson {
  id: string;
  tally: { tasks: number[]; label: string } | null;
}

/**
 * "1 of 3 passed" (then how many were imported and not checked here, and any tallies) for the
 * chapter's lessons; blank until progress is read.
 *
 * @example
 * <ChapterProgress slug="capstone" lessons={[{ id: "capstone/audit", tally: { tasks: [2], label: "fixed" } }]} />
 */
export function ChapterProgress({ slug, lessons }: { slug: string; lessons: ChapterProgressLesson[] }) {
  const { loaded, states, taskChecks } = useStore(progressStore);
  const passed = lessons.filter((lesson) => states[lesson.id] === "passed").length;
  // Imported lessons are not passes: they are named apart until a check runs here.
  const imported = lessons.filter((lesson) => states[lesson.id] === "imported").length;
  const tallies = lessons.flatMap((lesson) => {
    const found = lesson.tally && tallyOf(taskChecks[lesson.id], lesson.tally.tasks);
    return lesson.tally && found ? [`${found.passed} of ${found.total} ${lesson.tally.label}`] : [];
  });
  return (
    <span data-testid={`chapter-progress-${slug}`}>
      {loaded ? [`${passed} of ${lessons.length} passed`, ...(imported > 0 ? [`${imported} imported, not checked here`] : []), ...tallies].join(" · ") : ""}
    </span>
  );
}
