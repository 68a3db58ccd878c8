/**
 * Attack: overwrite the site's saved work (IndexedDB) and its offline copy (Cache Storage), or
 * write files (OPFS, webkitRequestFileSystem), from a browser Worker.
 * Must happen: the report is fail or error (tests/e2e/sandbox/worker-preview-isolation.spec.ts
 * shows the site's data unchanged).
 */
import { Vial } from "vial";

export const app = new Vial();
const scope = self as unknown as Record<string, any>;
const tries: (() => unknown)[] = [
  () => indexedDB.deleteDatabase("learn-vial"),
  () => scope.caches.keys().then((names: string[]) => Promise.all(names.map((name) => scope.caches.delete(name)))),
  () => scope.navigator.storage.getDirectory(),
  () => new Promise((resolve, reject) => scope.webkitRequestFileSystem(0, 1024, resolve, reject)),
];
for (const attempt of tries) {
  try {
    void Promise.resolve(attempt()).catch(() => undefined);
  } catch {
    // Refused: on to the next.
  }
}
