/**
 * The progress file: every lesson's files and progress in one JSON document, so work moves
 * between browsers. Parsing is strict: a file that is not ours, or is damaged, is refused whole.
 */
import "../zod-without-eval";
import { z } from "zod";
import type { LessonRecord } from "./records";

/** Marks a file as ours; anything without it is refused as foreign. */
export const PROGRESS_FORMAT = "learn-vial-progress";
export const PROGRESS_VERSION = 1;

/** Largest progress file accepted: far above any real course, far below what would hang a tab. */
export const MAX_PROGRESS_BYTES = 20 * 1024 * 1024;

const filePath = z
  .string()
  .min(1)
  .max(300)
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[^\\\0]+$/, { error: "must be a relative file path such as app.ts" });

const lessonId = z.string().regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, { error: 'must be a lesson id such as "first-steps/hello-vial"' });

const files = z.record(filePath, z.string());

const exportedLesson = z.strictObject({
  lessonId,
  files,
  passed: z.boolean(),
  lastCheck: z
    .strictObject({
      status: z.enum(["pass", "fail", "error"]),
      passedChecks: z.number().int().min(0),
      totalChecks: z.number().int().min(0),
      at: z.number(),
    })
    .optional(),
  beforeReset: files.optional(),
  updatedAt: z.number(),
});

/** The whole progress file (version 1). */
export const progressFileSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(PROGRESS_VERSION),
  exportedAt: z.string(),
  lastLessonId: lessonId.optional(),
  lessons: z.array(exportedLesson),
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
    lessons,
  };
}

/**
 * Reads a progress file's text. Never throws: anything wrong becomes a message for the learner
 * saying what is wrong and that nothing was changed.
 *
 * @example
 * const parsed = parseProgressFile(await file.text());
 * if (!parsed.ok) alert(parsed.message);
 */
export function parseProgressFile(text: string): ParsedProgress {
  const refuse = (why: string): ParsedProgress => ({ ok: false, message: `${why} Nothing was imported.` });
  if (text.length > MAX_PROGRESS_BYTES) return refuse("This file is too large to be a Learn Vial progress file.");
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
  const parsed = progressFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "the file";
    return refuse(`This progress file is damaged: ${where} ${issue ? lowerFirst(issue.message) : "is invalid"}.`);
  }
  const ids = parsed.data.lessons.map((lesson) => lesson.lessonId);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) return refuse(`This progress file is damaged: lesson "${duplicate}" appears twice.`);
  return { ok: true, file: parsed.data };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
