/**
 * Export and import of all progress, over any repository. Import is two steps, so the learner
 * sees what a file would replace before anything changes: `prepareImport` validates the whole
 * file and lists the lessons it would overwrite or add; `applyImport` writes them in one step.
 *
 * Only the files are taken from a file. Its passes and check counts could have been written by
 * anyone, so they are dropped: an imported lesson shows as "imported, not checked here" until a
 * check runs in this browser (a pass earned here before is kept).
 */
import { createProgressFile, parseProgressFile, type ProgressFile } from "./export-format";
import { LAST_LESSON_KEY, type ProgressRepository } from "./repository";
import { lessonState, type LessonRecord, type LessonState } from "./records";

/**
 * The text of a progress file holding everything in `repository`.
 *
 * @example
 * const text = await exportProgress(getRepository(), new Date());
 */
export async function exportProgress(repository: ProgressRepository, now = new Date()): Promise<string> {
  const records = await repository.all();
  const lastLessonId = await repository.getMeta(LAST_LESSON_KEY);
  return JSON.stringify(createProgressFile(records, lastLessonId, now), null, 2);
}

/** One lesson an import would write: its state now, and after. */
export interface PlannedLesson {
  lessonId: string;
  now: LessonState;
  after: LessonState;
}

/** What importing a file would do; nothing has been written yet. */
export interface ImportPlan {
  file: ProgressFile;
  /** Lessons with saved work here that the file would overwrite. */
  replaced: PlannedLesson[];
  /** Lessons with nothing saved here yet. */
  added: PlannedLesson[];
}

/**
 * Validates a progress file's text and works out what importing it would replace. Writes
 * nothing; a refused file comes back with the learner's message.
 *
 * @example
 * const prepared = await prepareImport(getRepository(), await file.text());
 * if (prepared.ok) showPlan(prepared.plan.replaced, prepared.plan.added);
 */
export async function prepareImport(repository: ProgressRepository, text: string): Promise<{ ok: true; plan: ImportPlan } | { ok: false; message: string }> {
  const parsed = parseProgressFile(text);
  if (!parsed.ok) return parsed;
  const saved = new Map((await repository.all()).map((record) => [record.lessonId, record]));
  const plan: ImportPlan = { file: parsed.file, replaced: [], added: [] };
  for (const lesson of parsed.file.lessons) {
    const current = saved.get(lesson.lessonId);
    const planned = { lessonId: lesson.lessonId, now: lessonState(current), after: lessonState(importedRecord(lesson, current, Date.now())) };
    (current ? plan.replaced : plan.added).push(planned);
  }
  return { ok: true, plan };
}

/** What an import did, in words for the learner. */
export interface ImportOutcome {
  imported: number;
  message: string;
}

/**
 * Writes a prepared import: each lesson in the file replaces the saved one with the same id;
 * lessons not in the file are kept. All lessons are written or, on failure, none.
 *
 * @example
 * const outcome = await applyImport(getRepository(), plan);
 * status.textContent = outcome.message;
 */
export async function applyImport(repository: ProgressRepository, plan: ImportPlan, now = Date.now()): Promise<ImportOutcome> {
  const saved = new Map((await repository.all()).map((record) => [record.lessonId, record]));
  const records = plan.file.lessons.map((lesson) => importedRecord(lesson, saved.get(lesson.lessonId), now));
  await repository.putMany(records);
  if (plan.file.lastLessonId) await repository.setMeta(LAST_LESSON_KEY, plan.file.lastLessonId);
  const count = records.length;
  return { imported: count, message: `Imported ${count} lesson${count === 1 ? "" : "s"}.` };
}

/**
 * The record a file's lesson becomes: its files (and the files kept for undo), no pass and no
 * last check from the file, marked imported. A pass earned in this browser stays, as it does
 * after any edit.
 */
function importedRecord(lesson: ProgressFile["lessons"][number], current: LessonRecord | undefined, now: number): LessonRecord {
  return {
    lessonId: lesson.lessonId,
    files: lesson.files,
    passed: current?.passed ?? false,
    ...(lesson.beforeReset ? { beforeReset: lesson.beforeReset } : {}),
    ...(lesson.beforeResetBy ? { beforeResetBy: lesson.beforeResetBy } : {}),
    updatedAt: lesson.updatedAt,
    importedAt: now,
  };
}

/**
 * A file name for an export made at `now`, e.g. `learn-vial-progress-2025-01-31.json`.
 *
 * @example
 * exportFileName(new Date("2025-01-31T10:00:00Z")); // "learn-vial-progress-2025-01-31.json"
 */
export function exportFileName(now: Date): string {
  return `learn-vial-progress-${now.toISOString().slice(0, 10)}.json`;
}
