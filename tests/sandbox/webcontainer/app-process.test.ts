/**
 * `appProcess.signal()` in the WebContainer engine, on the Node-backed stand-in container: its
 * grader host is launched without `--os-signals`, so the signal is emulated (the learner host
 * dispatches it to the learner's `process.once("SIGTERM")`), and production/health-and-shutdown
 * grades the same there: the solution passes, careless shutdowns fail on the SIGTERM check.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../../sandbox/course/index";
import { loadWrongVariants } from "../../../sandbox/course/check/wrong-variants";
import { createWebContainerSandbox } from "../../../sandbox/engines/webcontainer/index";
import { loadDatabaseFileBytes, loadPayloadAssets } from "../../../sandbox/payload/assets";
import { NodeWebContainer } from "../fakes/node-webcontainer";

const assets = await loadPayloadAssets();
const course = await loadCourse("lessons");
const lesson = course.chapters.flatMap((chapter) => chapter.lessons).find((found) => found.id === "production/health-and-shutdown")!;
const variants = (await loadWrongVariants(lesson)).variants;

const containers: NodeWebContainer[] = [];
function boot(): Promise<NodeWebContainer> {
  const container = new NodeWebContainer();
  containers.push(container);
  return Promise.resolve(container);
}
afterAll(() => {
  for (const container of containers) container.teardown();
});

const SIGTERM_CHECK = /^On a real SIGTERM/;

describe("appProcess in the webcontainer engine (stand-in container)", () => {
  it("emulates SIGTERM: the health-and-shutdown solution passes, an app that exits at once or never exits fails the SIGTERM check", async () => {
    const container = await boot();
    const sandbox = createWebContainerSandbox({ webcontainer: container, boot, assets, databaseFiles: loadDatabaseFileBytes, port: 40_000 + Math.floor(Math.random() * 20_000), timeoutMs: 120_000, checkTimeoutMs: 20_000 });
    try {
      await sandbox.load({ files: lesson.solution, checks: lesson.checks });
      const solution = await sandbox.check();
      expect(solution.status, JSON.stringify(solution, null, 2)).toBe("pass");
      expect(container.spawned.at(-1)!.args).not.toContain("--os-signals");

      for (const name of ["exits-at-once-on-sigterm", "never-exits"]) {
        const variant = variants.find((found) => found.name === name)!;
        await sandbox.load({ files: variant.files, checks: lesson.checks });
        const report = await sandbox.check();
        const sigterm = report.checks.find((check) => SIGTERM_CHECK.test(check.name));
        expect(sigterm?.status, `${name}: ${JSON.stringify(report.checks, null, 2)}`).toBe("fail");
      }
    } finally {
      await sandbox.dispose();
    }
  }, 600_000);
});
