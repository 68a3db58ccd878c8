/**
 * The config parsers in the WebContainer engine (on the Node-backed stand-in container): mounted
 * into the graded payload for a lesson whose checks use `parse`, which then grades as on the
 * node engine, and left out for any other lesson.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { findLesson, loadCourse } from "../../../sandbox/course";
import { createWebContainerSandbox } from "../../../sandbox/engines/webcontainer/index";
import { loadPayloadAssets } from "../../../sandbox/payload/assets";
import { PASSING_WORKSPACE } from "../contract-fixtures";
import { NodeWebContainer } from "../fakes/node-webcontainer";

const assets = await loadPayloadAssets();
const container = new NodeWebContainer();
afterAll(() => container.teardown());

it("mounts the config parsers for a lesson that reviews a Dockerfile and a workflow, and for no other", async () => {
  const lesson = findLesson(await loadCourse(), "production/container-and-ci")!;
  const sandbox = createWebContainerSandbox({ webcontainer: Promise.resolve(container), boot: () => Promise.resolve(container), assets, port: 40_000 + Math.floor(Math.random() * 20_000) });
  const mounted = () => existsSync(join(container.workdir, "grade/.vial/config-parsers.mjs"));
  try {
    await sandbox.load({ files: lesson.solution, checks: lesson.checks });
    const solved = await sandbox.check();
    expect(solved.status, JSON.stringify(solved, null, 2)).toBe("pass");
    expect(mounted()).toBe(true);

    await sandbox.load(PASSING_WORKSPACE);
    expect((await sandbox.check()).status).toBe("pass");
    expect(mounted()).toBe(false);
  } finally {
    await sandbox.dispose();
  }
}, 120_000);
