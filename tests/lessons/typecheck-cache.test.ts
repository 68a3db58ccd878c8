/**
 * The type check's cache: a result is reused only while the lesson's files and every file the
 * check read still hash the same; anything else is checked again, and a damaged cache is a miss.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { scanCourse } from "../../sandbox/course/load-course";
import { typecheckCached } from "../../sandbox/course/check/typecheck-cache";
import type { Lesson } from "../../sandbox/course/types";
import { SOLUTION, validLessonFiles, writeCourse } from "./temp-course";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setUp(solution: string): Promise<{ lesson: Lesson; cacheDir: string }> {
  const written = await writeCourse({ ...validLessonFiles(), "01-basics/01-ping/solution/app.ts": solution });
  const cacheDir = await mkdtemp(join(tmpdir(), "typecheck-cache-"));
  cleanups.push(written.cleanup, () => rm(cacheDir, { recursive: true, force: true }));
  const { course } = await scanCourse(written.root);
  return { lesson: course.chapters[0]!.lessons[0]!, cacheDir };
}

/** The one entry in the cache folder, parsed, and a way to write it back changed. */
async function onlyEntry(cacheDir: string) {
  const names = (await readdir(cacheDir)).filter((name) => name.endsWith(".json"));
  expect(names).toHaveLength(1);
  const path = join(cacheDir, names[0]!);
  const entry = JSON.parse(await readFile(path, "utf8")) as { inputs: Record<string, string>; problems: { message: string }[] };
  return { entry, save: (changed: unknown) => writeFile(path, JSON.stringify(changed)) };
}

const TYPE_ERROR = `${SOLUTION}const port: number = "5000";\n`;
const MARKER = { file: "x", field: "y", message: "came from the cache" };

describe("typecheckCached", { timeout: 120_000 }, () => {
  it("finds type errors, stores them with the files they depend on, and reuses them while nothing changed", async () => {
    const { lesson, cacheDir } = await setUp(TYPE_ERROR);
    const first = await typecheckCached([lesson], cacheDir);
    expect(first.get(lesson.id)?.map((found) => found.message)).toEqual([expect.stringContaining("Type 'string' is not assignable to type 'number'")]);

    const { entry, save } = await onlyEntry(cacheDir);
    const inputs = Object.keys(entry.inputs);
    expect(inputs).toEqual(expect.arrayContaining([expect.stringMatching(/framework\/src\/index\.ts$/), expect.stringMatching(/typescript\/package\.json$/), expect.stringMatching(/lib\.dom\.d\.ts$/)]));

    // A stored result is what the next run reports, without checking again.
    await save({ ...entry, problems: [MARKER] });
    expect((await typecheckCached([lesson], cacheDir)).get(lesson.id)).toEqual([MARKER]);
  });

  it("checks again when a file the check read has changed since", async () => {
    const { lesson, cacheDir } = await setUp(TYPE_ERROR);
    await typecheckCached([lesson], cacheDir);
    const { entry, save } = await onlyEntry(cacheDir);
    const framework = Object.keys(entry.inputs).find((path) => path.endsWith("framework/src/index.ts"))!;
    await save({ inputs: { ...entry.inputs, [framework]: "0".repeat(64) }, problems: [MARKER] });
    const again = await typecheckCached([lesson], cacheDir);
    expect(again.get(lesson.id)?.map((found) => found.message)).toEqual([expect.stringContaining("Type 'string' is not assignable")]);
  });

  it("checks again when the lesson's own files change", async () => {
    const { lesson, cacheDir } = await setUp(TYPE_ERROR);
    await typecheckCached([lesson], cacheDir);
    const { entry, save } = await onlyEntry(cacheDir);
    await save({ ...entry, problems: [MARKER] });
    const fixed = { ...lesson, solution: { ...lesson.solution, "app.ts": SOLUTION } };
    expect((await typecheckCached([fixed], cacheDir)).get(lesson.id)).toEqual([]);
  });

  it("treats a damaged entry as a miss", async () => {
    const { lesson, cacheDir } = await setUp(TYPE_ERROR);
    await typecheckCached([lesson], cacheDir);
    const names = await readdir(cacheDir);
    await writeFile(join(cacheDir, names[0]!), "{ cut sho");
    const again = await typecheckCached([lesson], cacheDir);
    expect(again.get(lesson.id)).toHaveLength(1);
  });
});
