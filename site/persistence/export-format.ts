/**
 * The progress file: every lesson's files and progress in one JSON document, so work moves
 * between browsers. A progress file may come from anyone (a forum post, a "solutions" download),
 * so parsing is strict and bounded: a file that is not ours, is damaged, or is out of bounds is
 * refused whole, with a message that names the field.
 */
import "../zod-without-eval";
import { z } from "zod";
import type { LessonRecord } from "./records";

/** Marks a file as ours; anything without it is refused as foreign. */
export const PROGRESS_FORMAT = "learn-vial-progress";
export const PROGRESS_VERSION = 1;

/** Largest progress file accepted: far above any real course, far below what would hang a tab. */
export const MAX_PROGRESS_BYTES = 20 * 1024 * 1024;
/** Most lessons one file may hold (the course has a few dozen). */
export const MAX_LESSONS = 500;
/** Most files one lesson may hold (lessons have a handful). */
export const MAX_FILES_PER_LESSON = 100;
/** Longest file a lesson may hold, in characters. */
export const MAX_FILE_CHARS = 1_000_000;

/** Keys that mean something to JavaScript objects; no field of ours is named so. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Why `path` cannot name a lesson file, or undefined when it can. Lesson files are relative
 * paths of plain names (letters, digits, `.`, `_`, `-`), as the sandbox lays them out; the
 * payload's own folder and node_modules are off limits (see safeLearnerPath).
 *
 * @example
 * filePathProblem("../etc/passwd"); // "leaves the lesson's folder"
 */
export function filePathProblem(path: string): string | undefined {
  if (path.length === 0 || path.length > 200) return "must be a file name of 1 to 200 characters";
  if (/^([a-zA-Z]:)?[\\/]/.test(path)) return "is an absolute path; lesson files are relative, such as app.ts";
  const segments = path.split("/");
  if (segments.some((segment) => segment === ".." || segment === ".")) return "leaves the lesson's folder";
  if (segments.length > 8) return "is nested too deeply";
  if (segments.some((segment) => !/^[A-Za-z0-9_.-]+$/.test(segment))) return "must be made of letters, digits, '.', '_', '-' and '/', such as app.ts";
  if (segments.some((segment) => RESERVED_KEYS.has(segment))) return "is a reserved name";
  if (segments[0] === ".vial" || segments[0] === "node_modules") return "is a folder lesson files cannot be in";
  return undefined;
}

const filePath = z.string().superRefine((path, context) => {
  const problem = filePathProblem(path);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

const lessonId = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, { error: 'must be a lesson id such as "first-steps/hello-vial"' });

const files = z
  .record(filePath, z.string().max(MAX_FILE_CHARS, { error: `is longer than ${MAX_FILE_CHARS} characters` }))
  .refine((map) => Object.keys(map).length <= MAX_FILES_PER_LESSON, { error: `holds more than ${MAX_FILES_PER_LESSON} files` });

const time = z.number().min(0).max(8.64e15);

/** Most tasks one lesson's last check may count (lessons have two to four). */
const MAX_TASKS = 50;

const checkCount = z.number().int().min(0).max(10_000);
const taskCounts = z
  .record(
    z.string().regex(/^[1-9]\d{0,2}$/, { error: "must be task numbers" }),
    z.strictObject({ passed: checkCount, total: checkCount }).refine((count) => count.passed <= count.total, { error: "counts more passed checks than checks" }),
  )
  .refine((counts) => Object.keys(counts).length <= MAX_TASKS, { error: `counts more than ${MAX_TASKS} tasks` });

const exportedLesson = z.strictObject({
  lessonId,
  files,
  passed: z.boolean(),
  lastCheck: z
    .strictObject({
      status: z.enum(["pass", "fail", "error"]),
      passedChecks: checkCount,
      totalChecks: checkCount,
      tasks: taskCounts.optional(),
      at: time,
    })
    .refine((check) => check.passedChecks <= check.totalChecks, { error: "counts more passed checks than checks" })
    .optional(),
  beforeReset: files.optional(),
  beforeResetBy: z.literal("solve").optional(),
  updatedAt: time,
});

/** The whole progress file (version 1). */
export const progressFileSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(PROGRESS_VERSION),
  exportedAt: z.string().max(64),
  lastLessonId: lessonId.optional(),
  lessons: z.array(exportedLesson).max(MAX_LESSONS, { error: `holds more than ${MAX_LESSONS} lessons` }),
});

export type ProgressFile = z.infer<typeof progressFileSchema>;

/** The outcome of reading a progress file: its contents, or why it was refused. */
export type ParsedProgress = { ok: true; file: ProgressFile } | { ok: false; message: string };

/**
 * Builds the progress file for `records`.
 *
 * @example
 * const file = createProgressFile(await repository.all(), "first-steps/hello-vial", new Date());
 * const text = JSON.stringify(file, null, 2);
 */
export function createProgressFile(records: LessonRecord[], lastLessonId: string | undefined, now: Date): ProgressFile {
  const lessons = [...records].sort((a, b) => a.lessonId.localeCompare(b.lessonId));
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now.toISOString(),
    ...(lastLessonId ? { lastLessonId } : {}),
    // Whether a lesson was imported is this browser's business; the next one decides for itself.
    lessons: lessons.map(({ importedAt: _, ...lesson }) => lesson),
  };
}

/**
 * Reads a progress file's text. Never throws: anything wrong becomes a message for the learner
 * saying what is wrong, where, and that nothing was changed.
 *
 * @example
 * const parsed = parseProgressFile(await file.text());
 * if (!parsed.ok) alert(parsed.message);
 */
export function parseProgressFile(text: string): ParsedProgress {
  const refuse = (why: string): ParsedProgress => ({ ok: false, message: `${why} Nothing was imported.` });
  if (text.length > MAX_PROGRESS_BYTES) return refuse(tooLargeMessage());
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse("This file is not a Learn Vial progress file: it is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || (value as { format?: unknown }).format !== PROGRESS_FORMAT) {
    return refuse(`This file is not a Learn Vial progress file (it should say "format": "${PROGRESS_FORMAT}").`);
  }
  const version = (value as { version?: unknown }).version;
  if (typeof version === "number" && version > PROGRESS_VERSION) {
    return refuse(`This progress file was written by a newer Learn Vial (version ${version}); this site reads version ${PROGRESS_VERSION}.`);
  }
  // zod drops a `__proto__` key without a word, and the others mean something to objects: refuse
  // them by name before zod sees the file.
  const reserved = reservedKeyPath(value, []);
  if (reserved) return refuse(`This progress file is damaged: ${formatPath(reserved)} is a reserved name.`);
  const parsed = progressFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return refuse("This progress file is damaged.");
    const inner = issue.code === "invalid_key" ? issue.issues[0] : undefined;
    const message = inner?.message ?? issue.message;
    return refuse(`This progress file is damaged: ${formatPath(issue.path)} ${lowerFirst(message)}.`);
  }
  const ids = parsed.data.lessons.map((lesson) => lesson.lessonId);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) return refuse(`This progress file is damaged: lesson "${duplicate}" appears twice.`);
  return { ok: true, file: parsed.data };
}

/**
 * The message for a file over {@link MAX_PROGRESS_BYTES}, for callers that check a file's size
 * before reading it.
 *
 * @example
 * if (file.size > MAX_PROGRESS_BYTES) notice(`${tooLargeMessage()} Nothing was imported.`);
 */
export function tooLargeMessage(): string {
  return `This file is too large to be a Learn Vial progress file (the limit is ${MAX_PROGRESS_BYTES / 1024 / 1024} MB).`;
}

/**
 * The path to the first reserved key in `value`, if any. A progress file is four levels deep, so
 * the search stops below eight (what is deeper fails the schema anyway) and cannot overflow.
 */
function reservedKeyPath(value: unknown, path: PropertyKey[]): PropertyKey[] | undefined {
  if (typeof value !== "object" || value === null || path.length > 8) return undefined;
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) return [...path, key];
    const found = reservedKeyPath((value as Record<string, unknown>)[key], [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * A field's path as a reader would write it: `lessons[0].files["app.ts"]`. Keys that are not
 * plain words are quoted and cut short, so a hostile name cannot flood the message.
 */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "the file";
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && name.length <= 40) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name)}]`;
    })
    .join("");
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
