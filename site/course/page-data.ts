/**
 * The plain, serialisable data the pages hand to client components: the outline of the course
 * and everything the workspace needs about one lesson. Built on the server, at build time.
 */
import { inheritedPaths } from "../../sandbox/course/continue-previous";
import type { Course, Lesson, Task } from "../../sandbox/course";
import { allLessons, lessonHref } from "./course-data";

/** A link to a neighbouring lesson. */
export interface LessonLink {
  id: string;
  title: string;
  href: string;
}

/** What the workspace needs about its lesson. */
export interface LessonPageData {
  id: string;
  title: string;
  summary: string;
  minutes: number;
  objectives: string[];
  chapterTitle: string;
  /** 1-based position in the whole course, and the course's length. */
  position: number;
  total: number;
  focus: string;
  starter: Record<string, string>;
  solution: Record<string, string>;
  checks: string;
  tasks: Task[];
  /** The earlier lessons this one builds on (the previous one first when it continues its files). */
  buildsOn: LessonLink[];
  /** Set when the lesson continues the previous one's files (`from: previous`). */
  fromPrevious: { lessonId: string; inheritedPaths: string[] } | null;
  /** The lesson needs a real terminal (`terminal: true`): a WebContainer boots for it unasked. */
  needsTerminal: boolean;
  previous: LessonLink | null;
  next: LessonLink | null;
}

/** One chapter of the outline. */
export interface OutlineChapter {
  slug: string;
  number: number;
  title: string;
  summary: string;
  /** The chapter's time: its lessons' minutes added up. */
  minutes: number;
  lessons: OutlineLesson[];
}

export interface OutlineLesson {
  id: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  href: string;
  buildsOn: LessonLink[];
  /** The lesson's tally (`tally` in its frontmatter): which tasks' checks count, and what a passed one means. */
  tally: { tasks: number[]; label: string } | null;
}

/**
 * The outline of `course`: chapters and their lessons, in order, without files or text.
 *
 * @example
 * courseOutline(course)[0]?.lessons[0]?.href; // "/learn/first-steps/hello-vial"
 */
export function courseOutline(course: Course): OutlineChapter[] {
  const link = linker(course);
  return course.chapters.map((chapter) => ({
    slug: chapter.slug,
    number: chapter.number,
    title: chapter.title,
    summary: chapter.summary,
    minutes: chapter.lessons.reduce((sum, lesson) => sum + lesson.frontmatter.minutes, 0),
    lessons: chapter.lessons.map((lesson) => ({
      id: lesson.id,
      number: lesson.number,
      title: lesson.frontmatter.title,
      summary: lesson.frontmatter.summary,
      minutes: lesson.frontmatter.minutes,
      href: lessonHref(lesson.id),
      buildsOn: lesson.buildsOn.map(link).filter((found) => found !== null),
      tally: lesson.frontmatter.tally ?? null,
    })),
  }));
}

/** Makes links to the lessons of `course` by id (null for an id the course does not have). */
function linker(course: Course): (id: string | undefined) => LessonLink | null {
  const lessons = allLessons(course);
  return (id) => {
    const target = id ? lessons.find((candidate) => candidate.id === id) : undefined;
    return target ? { id: target.id, title: target.frontmatter.title, href: lessonHref(target.id) } : null;
  };
}

/**
 * The workspace data of `lesson`.
 *
 * @example
 * const data = lessonPageData(course, lesson);
 * data.previous?.href; // "/learn/first-steps/hello-vial"
 */
export function lessonPageData(course: Course, lesson: Lesson): LessonPageData {
  const lessons = allLessons(course);
  const link = linker(course);
  const previousLesson = lesson.previous ? lessons.find((candidate) => candidate.id === lesson.previous) : undefined;
  const chapter = course.chapters.find((candidate) => candidate.slug === lesson.chapterSlug);
  return {
    id: lesson.id,
    title: lesson.frontmatter.title,
    summary: lesson.frontmatter.summary,
    minutes: lesson.frontmatter.minutes,
    objectives: lesson.frontmatter.objectives,
    chapterTitle: chapter?.title ?? "",
    position: lessons.indexOf(lesson) + 1,
    total: lessons.length,
    focus: lesson.frontmatter.focus,
    starter: lesson.starter,
    solution: lesson.solution,
    checks: lesson.checks,
    tasks: lesson.tasks,
    buildsOn: lesson.buildsOn.map(link).filter((found) => found !== null),
    fromPrevious:
      lesson.frontmatter.from === "previous" && previousLesson
        ? { lessonId: previousLesson.id, inheritedPaths: inheritedPaths(lesson.starter, previousLesson.solution) }
        : null,
    needsTerminal: lesson.frontmatter.terminal === true,
    previous: link(lesson.previous),
    next: link(lesson.next),
  };
}

export { inheritedPaths };
