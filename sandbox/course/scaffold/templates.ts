/**
 * The files `lessons:new` writes. Every placeholder carries the marker `TODO(author)`, which
 * lessons:check reports wherever it is left, and the placeholder check throws, so a fresh
 * scaffold cannot pass until its author has written the lesson.
 */

/** The marker lessons:check looks for. */
export const TODO_MARKER = "TODO(author)";

/**
 * Title-cases a slug for a first draft of the title.
 *
 * @example
 * ```ts
 * titleFromSlug("trailing-slashes"); // "Trailing slashes"
 * ```
 */
export function titleFromSlug(slug: string): string {
  const words = slug.split("-").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A chapter.mdx to fill in.
 *
 * @example
 * ```ts
 * chapterMdx("sessions");
 * ```
 */
export function chapterMdx(slug: string): string {
  return `---
title: ${titleFromSlug(slug)}
summary: "${TODO_MARKER}: one sentence saying what this chapter teaches."
---

${TODO_MARKER}: a short paragraph introducing the chapter: what the learner will build and why it matters.
`;
}

/**
 * A lesson.mdx to fill in, with one task.
 *
 * @example
 * ```ts
 * lessonMdx({ slug: "cookies", focus: "app.ts", fromPrevious: false });
 * ```
 */
export function lessonMdx(options: { slug: string; focus: string; fromPrevious: boolean }): string {
  return `---
title: ${titleFromSlug(options.slug)}
summary: "${TODO_MARKER}: one sentence saying what the learner will be able to do."
minutes: 15
focus: ${options.focus}
objectives:
  - "${TODO_MARKER}: one thing the learner can do after this lesson"
${options.fromPrevious ? "from: previous\n" : ""}# builds-on: ${TODO_MARKER}: the earlier lessons this one uses, a list of ids such as sessions/login (then remove the #)
---

${TODO_MARKER}: explain the idea and why it matters before how to use it. Second person, short
paragraphs, a code example. Where Flask does the same thing, add a note:

> **Coming from Flask?** ${TODO_MARKER}: what is the same and what differs.

<Task n={1} title="${TODO_MARKER}: a short name" hint="${TODO_MARKER}: a nudge towards the answer, not the answer">
${TODO_MARKER}: what the app should do, in terms of requests and responses.
</Task>
`;
}

/** The starter app for a lesson that does not continue the previous one. */
export const STARTER_APP = `import { Vial } from "vial";

export const app = new Vial();

app.get("/", () => "Hello, Vial!");
`;

/**
 * The solution placeholder: the starter plus a marker, so it differs from the starter and is
 * flagged until written.
 *
 * @example
 * ```ts
 * solutionFrom(STARTER_APP);
 * ```
 */
export function solutionFrom(starter: string): string {
  return `// ${TODO_MARKER}: finish this file the way a reviewer would want to see it.\n${starter}`;
}

/** A checks.ts whose only check fails until it is written. */
export const PLACEHOLDER_CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";

check("${TODO_MARKER}: say what this check proves", async () => {
  const res = await http(app).get("/");
  expect(res.status, "status of GET /").toBe(200);
  throw new Error("${TODO_MARKER}: write this check, then a solution that passes it");
}, { task: 1 });
`;
