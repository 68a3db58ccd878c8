/**
 * The frontmatter schemas: the one definition of what a chapter and a lesson declare, shared by
 * the site, the `learn` command and `lessons:check` so they can never disagree. Objects are
 * strict, because a misspelt optional field (`form: previous`) silently ignored is worse than
 * an error.
 */
import { z } from "zod";

const text = (what: string) =>
  z.string({ error: `must be text (${what})` }).trim().min(1, { error: `must not be empty (${what})` });

/** A path inside the lesson's files: relative, forward slashes, no `..`. */
const lessonFilePath = z
  .string({ error: "must be a file path such as app.ts" })
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\]+$/, {
    error: "must be a relative path inside starter/ such as app.ts (no leading /, no .., no backslashes)",
  });

/** A lesson id as written in `builds-on`: `<chapter-slug>/<lesson-slug>`, without the numbers. */
const lessonId = z
  .string({ error: 'must be a lesson id such as "sessions/login"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be a lesson id such as "sessions/login" (chapter and lesson slugs, without their numbers)',
  });

/**
 * Frontmatter of `lessons/<NN-chapter>/chapter.mdx`.
 *
 * @example
 * ```ts
 * chapterFrontmatter.parse({ title: "Routing", summary: "Map URLs to code." });
 * ```
 */
export const chapterFrontmatter = z.strictObject({
  title: text("the chapter's name, shown in the table of contents"),
  summary: text("one sentence saying what the chapter teaches"),
});

/**
 * Frontmatter of `lessons/<NN-chapter>/<NN-lesson>/lesson.mdx`.
 *
 * @example
 * ```ts
 * lessonFrontmatter.parse({
 *   title: "Hello, Vial", summary: "Your first app.", minutes: 10, focus: "app.ts",
 *   objectives: ["Create an app", "Add a route"],
 * });
 * ```
 */
export const lessonFrontmatter = z.strictObject({
  title: text("the lesson's name"),
  summary: text("one sentence saying what the learner will be able to do"),
  minutes: z
    .number({ error: "must be a whole number of minutes, such as 15" })
    .int({ error: "must be a whole number of minutes, such as 15" })
    .min(1, { error: "must be at least 1 minute" })
    .max(120, { error: "must be at most 120 minutes; split longer lessons" }),
  focus: lessonFilePath,
  objectives: z
    .array(text("one thing the learner can do after the lesson"), {
      error: "must be a list of short sentences (YAML `- item` lines)",
    })
    .min(1, { error: "must list at least one objective" }),
  from: z.literal("previous", { error: 'must be "previous" (or be left out)' }).optional(),
  /**
   * Earlier lessons whose skills this one uses, besides the previous lesson that `from: previous`
   * already implies. The outline and `learn list` show them, so the course reads as a path.
   */
  "builds-on": z
    .array(lessonId, { error: "must be a list of lesson ids (YAML `- chapter/lesson` lines)" })
    .min(1, { error: "must name at least one lesson (or be left out)" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "names a lesson twice" })
    .optional(),
  /**
   * The outline counts this lesson's checks of these tasks as a score, "7 of 11 fixed", from the
   * learner's last check: for a lesson, such as an audit, that is worked through one check at a time.
   */
  tally: z
    .strictObject(
      {
        tasks: z
          .array(z.number({ error: "must be task numbers" }).int({ error: "must be whole task numbers" }).min(1, { error: "must be task numbers from 1" }), {
            error: "must be a list of task numbers, such as [2, 3, 4]",
          })
          .min(1, { error: "must name at least one task" }),
        label: text('what a passed check means, such as "fixed"'),
      },
      { error: 'must be tasks and a label, such as { tasks: [2, 3, 4], label: fixed }' },
    )
    .optional(),
  /** The lesson needs a real terminal (only WebContainers have one), so the site boots one for it unasked. */
  terminal: z.boolean({ error: "must be true or false (or be left out)" }).optional(),
});

/** A chapter's validated frontmatter. */
export type ChapterFrontmatter = z.infer<typeof chapterFrontmatter>;
/** A lesson's validated frontmatter. */
export type LessonFrontmatter = z.infer<typeof lessonFrontmatter>;

/**
 * Attributes of one `<Task>` element in a lesson's MDX.
 *
 * @example
 * ```ts
 * taskAttributes.parse({ n: 1, title: "Say hello", hint: "Use app.get." });
 * ```
 */
export const taskAttributes = z.strictObject({
  n: z
    .number({ error: "must be a number in braces, such as n={1}" })
    .int({ error: "must be a whole number, such as n={1}" })
    .min(1, { error: "must be 1 or more" }),
  title: text("a short name for the task").optional(),
  hint: text("a nudge shown when the task's checks fail"),
  moreHints: z
    .array(text("a further hint, more specific than the one before"), { error: 'must be a list of hints in braces, such as moreHints={["Closer.", "Closer still."]}' })
    .min(1, { error: "must list at least one hint (or be left out)" })
    .max(4, { error: "must list at most 4 further hints; the solution is the last step" })
    .optional(),
});
