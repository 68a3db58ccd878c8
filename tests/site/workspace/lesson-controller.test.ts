import { describe, expect, it, vi } from "vitest";
import { LessonController, undoStore } from "../../../site/workspace/lesson-controller";
import { WorkspaceSession } from "../../../site/sandbox/session";
import { createMemoryRepository, LAST_LESSON_KEY } from "../../../site/persistence/repository";
import { filesStore } from "../../../site/state/files-store";
import { progressStore } from "../../../site/state/progress-store";
import type { LessonPageData } from "../../../site/course/page-data";
import { fakeEngines, FakeSandbox, helloGrade } from "../sandbox/fake-sandbox";

const lesson: LessonPageData = {
  id: "a/one",
  title: "One",
  summary: "",
  minutes: 5,
  objectives: ["x"],
  chapterTitle: "A",
  position: 1,
  total: 1,
  focus: "app.ts",
  starter: { "app.ts": "starter" },
  solution: { "app.ts": "Hello" },
  checks: "",
  tasks: [{ n: 1, title: "Say hello" }],
  buildsOn: [],
  fromPrevious: null,
  needsTerminal: false,
  previous: null,
  next: null,
};

async function setup(repository = createMemoryRepository()) {
  const sandbox = new FakeSandbox(helloGrade);
  const session = new WorkspaceSession(fakeEngines(async () => ({ kind: "worker", reason: "", sandbox })), lesson.checks);
  const controller = new LessonController(lesson, repository, session);
  const files = await controller.open();
  await session.start(files, null);
  return { repository, sandbox, session, controller };
}

describe("lesson controller", () => {
  it("opens the starter, and leaves an untouched lesson not started", async () => {
    const { repository, controller, session } = await setup();
    expect(filesStore.get().files).toEqual({ "app.ts": "starter" });
    await controller.flush();
    expect(await repository.get("a/one")).toBeUndefined();
    expect(await repository.getMeta(LAST_LESSON_KEY)).toBe("a/one");
    await session.dispose();
  });

  it("saves edits and restores them when the lesson is opened again", async () => {
    const { repository, controller, sandbox, session } = await setup();
    controller.edit("app.ts", "edited");
    await controller.flush();
    expect((await repository.get("a/one"))?.files).toEqual({ "app.ts": "edited" });
    expect(sandbox.writes).toContainEqual(["app.ts", "edited"]);
    await session.dispose();
    const reopened = new LessonController(lesson, repository, null);
    expect(await reopened.open()).toEqual({ "app.ts": "edited" });
  });

  it("records a lesson as passed when every check passes", async () => {
    const { repository, controller, session } = await setup();
    await controller.check();
    expect((await repository.get("a/one"))?.passed).toBe(false);
    expect(progressStore.get().states["a/one"]).toBe("in-progress");
    expect(progressStore.get().taskChecks["a/one"]).toEqual({ "1": { passed: 0, total: 1 } });
    controller.edit("app.ts", "Hello");
    await controller.check();
    expect(await repository.get("a/one")).toMatchObject({ passed: true, lastCheck: { status: "pass", passedChecks: 1, totalChecks: 1, tasks: { "1": { passed: 1, total: 1 } } } });
    expect(progressStore.get().states["a/one"]).toBe("passed");
    // The outline's tally reads the per-task counts of the last check.
    expect(progressStore.get().taskChecks["a/one"]).toEqual({ "1": { passed: 1, total: 1 } });
    await session.dispose();
  });

  it("keeps an imported lesson imported through edits, and makes it the learner's own at its first check here", async () => {
    const repository = createMemoryRepository([{ lessonId: "a/one", files: { "app.ts": "from a file" }, passed: false, importedAt: 7, updatedAt: 1 }]);
    const { controller, session } = await setup(repository);
    controller.edit("app.ts", "still failing");
    await controller.flush();
    expect((await repository.get("a/one"))?.importedAt).toBe(7);
    await controller.check();
    expect(await repository.get("a/one")).not.toHaveProperty("importedAt");
    expect(progressStore.get().states["a/one"]).toBe("in-progress");
    await session.dispose();
  });

  it("resets to the starter and undoes the reset", async () => {
    const { repository, controller, session } = await setup();
    controller.edit("app.ts", "my work");
    await controller.reset();
    expect(filesStore.get().files).toEqual({ "app.ts": "starter" });
    expect(undoStore.get()).toBe("reset");
    expect((await repository.get("a/one"))?.beforeReset).toEqual({ "app.ts": "my work" });
    await controller.undo();
    expect(filesStore.get().files).toEqual({ "app.ts": "my work" });
    expect(undoStore.get()).toBeNull();
    expect((await repository.get("a/one"))?.beforeReset).toBeUndefined();
    await session.dispose();
  });

  it("Solve puts the solution in the editor and the sandbox, keeps the learner's files and extra files, and is undone, also after a reload", async () => {
    const { repository, controller, session, sandbox } = await setup();
    controller.edit("app.ts", "my work");
    controller.edit("notes.ts", "my notes");
    await controller.solve();
    expect(filesStore.get().files).toEqual({ "app.ts": "Hello", "notes.ts": "my notes" });
    await vi.waitFor(() => expect(sandbox.loaded?.files["app.ts"]).toBe("Hello"));
    expect(undoStore.get()).toBe("solve");
    // Solving again (after editing the solution) still keeps the learner's own files.
    controller.edit("app.ts", "Hello, edited");
    await controller.solve();
    expect((await repository.get("a/one"))?.beforeReset).toEqual({ "app.ts": "my work", "notes.ts": "my notes" });
    await session.dispose();

    const reopened = await setup(repository);
    expect(undoStore.get()).toBe("solve");
    await reopened.controller.undo();
    expect(filesStore.get().files).toEqual({ "app.ts": "my work", "notes.ts": "my notes" });
    expect(await repository.get("a/one")).not.toHaveProperty("beforeResetBy");
    await reopened.session.dispose();
  });
});

describe("lesson controller, repeated checks", () => {
  it("runs one check at a time", async () => {
    const { controller, sandbox, session } = await setup();
    let runs = 0;
    const original = sandbox.check.bind(sandbox);
    sandbox.check = async () => {
      runs++;
      return original();
    };
    const [first, second] = await Promise.all([controller.check(), controller.check()]);
    expect(first?.status).toBe("fail");
    expect(second).toBeNull();
    expect(runs).toBe(1);
    await session.dispose();
  });
});
