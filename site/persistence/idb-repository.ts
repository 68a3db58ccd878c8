/**
 * The IndexedDB repository (via idb): one object store of lesson records keyed by lesson id and
 * one of small meta values. Browser only.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { LessonRecord } from "./records";
import { createMemoryRepository, type ProgressRepository } from "./repository";

interface LearnVialDB extends DBSchema {
  lessons: { key: string; value: LessonRecord };
  meta: { key: string; value: string };
}

const DB_NAME = "learn-vial";
const DB_VERSION = 1;

let shared: ProgressRepository | undefined;

/**
 * The page's repository: IndexedDB when the browser has it (private modes may not), else memory,
 * so the workspace still works, only without saving across reloads.
 *
 * @example
 * const record = await getRepository().get("first-steps/hello-vial");
 */
export function getRepository(): ProgressRepository {
  shared ??= typeof indexedDB === "undefined" ? createMemoryRepository() : createIdbRepository();
  return shared;
}

/**
 * A repository over the `learn-vial` database, opened on first use.
 *
 * @example
 * const repository = createIdbRepository();
 * await repository.all();
 */
export function createIdbRepository(): ProgressRepository {
  let db: Promise<IDBPDatabase<LearnVialDB>> | undefined;
  const open = () =>
    (db ??= openDB<LearnVialDB>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore("lessons", { keyPath: "lessonId" });
        database.createObjectStore("meta");
      },
    }));
  return {
    get: async (lessonId) => (await open()).get("lessons", lessonId),
    all: async () => (await open()).getAll("lessons"),
    put: async (record) => void (await (await open()).put("lessons", record)),
    async putMany(records) {
      // One transaction: IndexedDB commits all of it or, if any put fails, none.
      const transaction = (await open()).transaction("lessons", "readwrite");
      await Promise.all([...records.map((record) => transaction.store.put(record)), transaction.done]);
    },
    getMeta: async (key) => (await open()).get("meta", key),
    setMeta: async (key, value) => void (await (await open()).put("meta", value, key)),
  };
}
