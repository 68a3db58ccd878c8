/**
 * The learner's files for the open lesson: contents, open tabs, the active file, and whether the
 * latest edit is saved. Pure transitions live beside the store so they can be tested alone.
 */
import { createStore } from "./store";

/** Files by workspace-relative path. */
export type FileMap = Record<string, string>;

/** Whether the latest edit has reached IndexedDB. */
export type SaveState = "saved" | "saving" | "unsaved" | "failed";

export interface FilesState {
  lessonId: string | null;
  files: FileMap;
  /** Tabs in the order they were opened. */
  open: string[];
  active: string | null;
  save: SaveState;
}

export const emptyFiles: FilesState = { lessonId: null, files: {}, open: [], active: null, save: "saved" };

/** The single files store of the page. */
export const filesStore = createStore<FilesState>(emptyFiles);

/**
 * The state for a freshly opened lesson: every file in a tab, the focus file active.
 *
 * @example
 * openLessonFiles("first-steps/hello-vial", { "app.ts": "" }, "app.ts").active; // "app.ts"
 */
export function openLessonFiles(lessonId: string, files: FileMap, focus: string): FilesState {
  const paths = sortPaths(Object.keys(files));
  const active = focus in files ? focus : (paths[0] ?? null);
  return { lessonId, files, open: paths, active, save: "saved" };
}

/**
 * Replaces one file's contents and marks the work unsaved (a no-op when nothing changed).
 *
 * @example
 * editFile(state, "app.ts", "export const app = 1;").save; // "unsaved"
 */
export function editFile(state: FilesState, path: string, contents: string): FilesState {
  if (state.files[path] === contents) return state;
  return { ...state, files: { ...state.files, [path]: contents }, save: "unsaved" };
}

/**
 * Replaces every file (reset, undo, import) keeping tabs that still exist.
 *
 * @example
 * replaceFiles(state, starter).files === starter; // true
 */
export function replaceFiles(state: FilesState, files: FileMap): FilesState {
  const paths = sortPaths(Object.keys(files));
  const open = [...state.open.filter((path) => path in files), ...paths.filter((path) => !state.open.includes(path))];
  const active = state.active && state.active in files ? state.active : (open[0] ?? null);
  return { ...state, files, open, active, save: "unsaved" };
}

/**
 * Makes `path` the active tab, opening it when it was closed.
 *
 * @example
 * activateFile(state, "data.ts").active; // "data.ts"
 */
export function activateFile(state: FilesState, path: string): FilesState {
  if (!(path in state.files)) return state;
  const open = state.open.includes(path) ? state.open : [...state.open, path];
  return { ...state, open, active: path };
}

/**
 * Closes a tab; the neighbour to its left (or right) becomes active. The last tab stays open.
 *
 * @example
 * closeFile(state, "data.ts").open; // ["app.ts"]
 */
export function closeFile(state: FilesState, path: string): FilesState {
  const index = state.open.indexOf(path);
  if (index < 0 || state.open.length === 1) return state;
  const open = state.open.filter((candidate) => candidate !== path);
  const active = state.active === path ? (open[Math.max(0, index - 1)] ?? null) : state.active;
  return { ...state, open, active };
}

/**
 * Paths in file-tree order: files of a folder after its subfolders' parent files, alphabetical.
 *
 * @example
 * sortPaths(["routes/a.ts", "app.ts"]); // ["app.ts", "routes/a.ts"]
 */
export function sortPaths(paths: string[]): string[] {
  return [...paths].sort((a, b) => {
    const depth = a.split("/").length - b.split("/").length;
    return depth !== 0 ? depth : a.localeCompare(b);
  });
}
