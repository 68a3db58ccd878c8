/**
 * The shape of a loaded course. The site, the `learn` command and `lessons:check` all work on
 * these objects, never on the folders directly.
 */
import type { LessonFrontmatter } from "./schema";

/** Files by path relative to the lesson's starter/ or solution/ folder, e.g. `{ "app.ts": "..." }`. */
export type Files = Record<string, string>;

/** One numbered task of a lesson, as written in its MDX: `<Task n={1} title="..." hint="...">`. */
export interface Task {
  n: number;
  title?: string;
  hint?: string;
  /** Hints after `hint`, each more specific than the last, revealed one at a time. */
  moreHints?: string[];
}

/** A lesson: its text, its files and its checks. */
export interface Lesson {
  /** `"<chapter-slug>/<lesson-slug>"`, e.g. `"first-steps/hello-vial"`. Stable: used in URLs and saved progress. */
  id: string;
  slug: string;
  /** The number prefix of the lesson folder (its position within the chapter). */
  number: number;
  chapterSlug: string;
  /** The lesson folder, as a path joined onto the course root the loader was given. */
  dir: string;
  frontmatter: LessonFrontmatter;
  /** The MDX source without its frontmatter. */
  body: string;
  /** The files the learner starts from (with `from: previous` already resolved). */
  starter: Files;
  /** The finished files: the starter overlaid with the lesson's solution/ folder. */
  solution: Files;
  /** Source of checks.ts. */
  checks: string;
  tasks: Task[];
  /**
   * Ids of the earlier lessons this one builds on, in the order the outline shows them: the
   * previous lesson first when it starts from its files (`from: previous`), then `builds-on`.
   */
  buildsOn: string[];
  /** Id of the lesson before this one in course order. */
  previous?: string;
  /** Id of the lesson after this one in course order. */
  next?: string;
}

/** A chapter: a titled group of lessons. */
export interface Chapter {
  slug: string;
  dir: string;
  number: number;
  title: string;
  summary: string;
  lessons: Lesson[];
}

/** The whole course in order. */
export interface Course {
  chapters: Chapter[];
}
