import { describe, expect, it } from "vitest";
import { LessonController, undoStore } from "../../../site/workspace/lesson-controller";
import { WorkspaceSession } from "../../../site/sandbox/session";
import { createMemoryRepository, LAST_LESSON_KEY } from "../../../site/persistence/repository";
import { filesStore } from "../../../site/state/files-store";
import { progressStore } from "../../../site/state/progress-store";
import type { LessonPageData } from "../../../site/course/page-data";
import { FakeSandbox, helloGrade } from "../sandbox/fake-sandbox";

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
  fromPrevious: null,
  previous: null,
  next: null,
};

async function setup(repository = createMemoryRepository()) {
  const sandbox = new FakeSandbox(helloGrade);
  const session = new WorkspaceSession(async () => ({ kind: "worker", reason: "", sandbox }), lesson.checks);
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
    controller.edit("app.ts", "Hello");
    await controller.check();
    expect(await repository.get("a/one")).toMatchObject({ passed: true, lastCheck: { status: "pass", passedChecks: 1, totalChecks: 1 } });
    expect(progressStore.get().states["a/one"]).toBe("passed");
    await session.dispose();
  });

  it("resets to the starter and undoes the reset", async () => {
    const { repository, controller, session } = await setup();
    controller.edit("app.ts", "my work");
    await controller.reset();
    expect(filesStore.get().files).toEqual({ "app.ts": "starter" });
    expect(undoStore.get()).toBe(true);
    expect((await repository.get("a/one"))?.beforeReset).toEqual({ "app.ts": "my work" });
    await controller.undoReset();
    expect(filesStore.get().files).toEqual({ "app.ts": "my work" });
    expect(undoStore.get()).toBe(false);
    expect((await repository.get("a/one"))?.beforeReset).toBeUndefined();
    await session.dispose();
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
