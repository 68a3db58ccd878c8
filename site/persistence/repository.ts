/**
 * Where lesson records live. The site uses IndexedDB (idb-repository.ts); tests and browsers
 * without IndexedDB use the in-memory one. Everything above this file talks to the interface.
 */
import type { LessonRecord } from "./records";

export interface ProgressRepository {
  get(lessonId: string): Promise<LessonRecord | undefined>;
  all(): Promise<LessonRecord[]>;
  put(record: LessonRecord): Promise<void>;
  /** Writes every record at once: all are stored or, on failure, none. */
  putMany(records: LessonRecord[]): Promise<void>;
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
}

/** The meta key holding the lesson the learner opened last ("continue where you left off"). */
export const LAST_LESSON_KEY = "lastLessonId";

/**
 * A repository in memory. Records are copied in and out, as IndexedDB's structured clone does,
 * so callers can never mutate stored state by accident.
 *
 * @example
 * const repository = createMemoryRepository();
 * await repository.put({ lessonId: "a/b", files: {}, passed: false, updatedAt: 0 });
 */
export function createMemoryRepository(initial: LessonRecord[] = []): ProgressRepository {
  const records = new Map(initial.map((record) => [record.lessonId, structuredClone(record)]));
  const meta = new Map<string, string>();
  return {
    get: async (lessonId) => {
      const record = records.get(lessonId);
      return record && structuredClone(record);
    },
    all: async () => [...records.values()].map((record) => structuredClone(record)),
    put: async (record) => void records.set(record.lessonId, structuredClone(record)),
    putMany: async (list) => {
      for (const record of list) records.set(record.lessonId, structuredClone(record));
    },
    getMeta: async (key) => meta.get(key),
    setMeta: async (key, value) => void meta.set(key, value),
  };
}
