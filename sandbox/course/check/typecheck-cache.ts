/**
 * The type check of lessons:check, kept from one run to the next. A lesson's result is stored
 * under a hash of its own files (starter, solution, checks.ts) with the content hash of every
 * other file the check read (the framework, the grader's types, the libraries, TypeScript
 * itself); it is reused only while all of those still hash the same. Lessons without a usable
 * result are checked together in a worker thread, so the check runs beside the sandboxes instead
 * of blocking the thread that drives them.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Lesson } from "../types";
import { problem, type Problem } from "./problem";
import type { TypecheckResult } from "./typecheck";

const REPO = resolve(import.meta.dirname, "../../..");

/** Where results are kept: a cache folder npm ci recreates and git ignores with node_modules. */
export const DEFAULT_TYPECHECK_CACHE = join(REPO, "node_modules/.cache/lessons-typecheck");

/** Results kept at most; the oldest go first (each is a few KB, one per lesson version). */
const MAX_ENTRIES = 200;

/** One stored result: the lesson's type errors and the hashes of the files they came from. */
interface Entry {
  inputs: Record<string, string>;
  problems: Problem[];
}

/**
 * Type errors by lesson id, from the cache where every input is unchanged, from a fresh check
 * (in a worker thread) otherwise. A check that cannot run at all is reported as a problem of
 * each lesson it was for, not thrown.
 *
 * @example
 * ```ts
 * const typeErrors = typecheckCached(lessons); // starts at once; await it when needed
 * const mine = (await typeErrors).get("routing/methods") ?? [];
 * ```
 */
export async function typecheckCached(lessons: Lesson[], cacheDir: string = DEFAULT_TYPECHECK_CACHE): Promise<Map<string, Problem[]>> {
  const found = new Map<string, Problem[]>();
  const hashes = new FileHashes();
  const misses: Lesson[] = [];
  for (const lesson of lessons) {
    const entry = await readEntry(cacheDir, keyOf(lesson));
    if (entry && (await hashes.allMatch(entry.inputs))) {
      found.set(lesson.id, entry.problems);
      await touch(cacheDir, keyOf(lesson));
    } else {
      misses.push(lesson);
    }
  }
  if (misses.length === 0) return found;
  let result: TypecheckResult;
  try {
    result = await typecheckInWorker(misses);
  } catch (error) {
    const message = `the type check could not run: ${error instanceof Error ? error.message : String(error)}`;
    for (const lesson of misses) found.set(lesson.id, [problem(join(lesson.dir, "checks.ts"), "type check", message)]);
    return found;
  }
  const inputs = await hashes.of(result.inputs);
  for (const lesson of misses) {
    const problems = result.problems.get(lesson.id) ?? [];
    found.set(lesson.id, problems);
    if (inputs) await writeEntry(cacheDir, keyOf(lesson), { inputs, problems });
  }
  await prune(cacheDir);
  return found;
}

/** The worker thread, started on first use and kept for the process's later checks. */
interface SharedWorker {
  worker: Worker;
  waiting: Map<number, { resolve(result: TypecheckResult): void; reject(error: Error): void }>;
}
let shared: SharedWorker | undefined;
let nextId = 1;

/**
 * Runs {@link typecheckLessons} in a worker thread (it is synchronous and takes seconds). The
 * worker holds the process open only while a check is pending.
 */
function typecheckInWorker(lessons: Lesson[]): Promise<TypecheckResult> {
  if (!shared) {
    const worker = new Worker(new URL("./typecheck-worker.mjs", import.meta.url));
    const current: SharedWorker = { worker, waiting: new Map() };
    const failAll = (error: Error) => {
      if (shared === current) shared = undefined;
      for (const { reject } of current.waiting.values()) reject(error);
      current.waiting.clear();
    };
    worker.on("message", ({ id, result, error }: { id: number; result?: TypecheckResult; error?: string }) => {
      const waiter = current.waiting.get(id);
      current.waiting.delete(id);
      if (current.waiting.size === 0) worker.unref();
      if (error !== undefined) waiter?.reject(new Error(error));
      else if (result) waiter?.resolve(result);
    });
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`the type-check worker exited with code ${code}`)));
    shared = current;
  }
  const { worker, waiting } = shared;
  const id = nextId++;
  worker.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, lessons });
  });
}

/** The lesson's own files, and where its problems will be reported, as one hash. */
function keyOf(lesson: Lesson): string {
  const sorted = (files: Record<string, string>) => Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha256")
    .update(JSON.stringify([lesson.id, lesson.dir, sorted(lesson.starter), sorted(lesson.solution), lesson.checks]))
    .digest("hex");
}

/** Content hashes of files on disk, each read at most once per run. */
class FileHashes {
  readonly #known = new Map<string, Promise<string | undefined>>();

  hash(path: string): Promise<string | undefined> {
    let pending = this.#known.get(path);
    if (!pending) {
      pending = readFile(path).then(
        (bytes) => createHash("sha256").update(bytes).digest("hex"),
        () => undefined,
      );
      this.#known.set(path, pending);
    }
    return pending;
  }

  /** Every path's hash, or undefined when one cannot be read (then nothing is stored). */
  async of(paths: string[]): Promise<Record<string, string> | undefined> {
    const hashes = await Promise.all(paths.map((path) => this.hash(path)));
    if (hashes.some((hash) => hash === undefined)) return undefined;
    return Object.fromEntries(paths.map((path, index) => [path, hashes[index] as string]));
  }

  async allMatch(inputs: Record<string, string>): Promise<boolean> {
    const entries = Object.entries(inputs);
    const now = await Promise.all(entries.map(([path]) => this.hash(path)));
    return entries.every(([, hash], index) => now[index] === hash);
  }
}

async function readEntry(cacheDir: string, key: string): Promise<Entry | undefined> {
  try {
    const entry = JSON.parse(await readFile(join(cacheDir, `${key}.json`), "utf8")) as Entry;
    // A file cut short or written by another version is a miss, never an error.
    return entry && typeof entry.inputs === "object" && Array.isArray(entry.problems) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Writes through a temporary file and a rename, so two runs at once never see half an entry. */
async function writeEntry(cacheDir: string, key: string, entry: Entry): Promise<void> {
  try {
    await mkdir(cacheDir, { recursive: true });
    const temporary = join(cacheDir, `${key}.${process.pid}.tmp`);
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, join(cacheDir, `${key}.json`));
  } catch {
    // A cache that cannot be written (read-only checkout) only costs the next run its speed.
  }
}

/** Marks an entry as just used, so pruning keeps it. */
async function touch(cacheDir: string, key: string): Promise<void> {
  const now = new Date();
  await utimes(join(cacheDir, `${key}.json`), now, now).catch(() => {});
}

/** Removes the least recently used entries beyond {@link MAX_ENTRIES}. */
async function prune(cacheDir: string): Promise<void> {
  try {
    const names = (await readdir(cacheDir)).filter((name) => name.endsWith(".json"));
    if (names.length <= MAX_ENTRIES) return;
    const dated = await Promise.all(names.map(async (name) => ({ name, time: (await stat(join(cacheDir, name))).mtimeMs })));
    dated.sort((a, b) => a.time - b.time);
    await Promise.all(dated.slice(0, dated.length - MAX_ENTRIES).map(({ name }) => rm(join(cacheDir, name), { force: true })));
  } catch {
    // Another run pruning at the same time; the next run tries again.
  }
}
