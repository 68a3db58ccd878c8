/**
 * Export and import of all progress, over any repository. Import validates the whole file first
 * and then writes every lesson in one step, so a refused file changes nothing.
 */
import { createProgressFile, parseProgressFile } from "./export-format";
import { LAST_LESSON_KEY, type ProgressRepository } from "./repository";
import type { LessonRecord } from "./records";

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

/** What an import did, in words for the learner. */
export type ImportOutcome = { ok: true; imported: number; message: string } | { ok: false; message: string };

/**
 * Imports a progress file's text: each lesson in it replaces the saved one with the same id;
 * lessons not in the file are kept. Refuses a malformed or foreign file without writing anything.
 *
 * @example
 * const outcome = await importProgress(getRepository(), await file.text());
 * status.textContent = outcome.message;
 */
export async function importProgress(repository: ProgressRepository, text: string): Promise<ImportOutcome> {
  const parsed = parseProgressFile(text);
  if (!parsed.ok) return parsed;
  const records: LessonRecord[] = parsed.file.lessons.map((lesson) => ({ ...lesson }));
  await repository.putMany(records);
  if (parsed.file.lastLessonId) await repository.setMeta(LAST_LESSON_KEY, parsed.file.lastLessonId);
  const count = records.length;
  return { ok: true, imported: count, message: `Imported ${count} lesson${count === 1 ? "" : "s"}.` };
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
