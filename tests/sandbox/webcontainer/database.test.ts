/**
 * The WebContainer engine's database, on the Node-backed stand-in container: for a lesson whose
 * checks use the database, PGlite's files (the site's, as the worker engine gets them) are
 * mounted with the payload, and the grader host in the container starts PGlite from them as the
 * node engine does. A lesson without a database neither asks for nor mounts them.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../../sandbox/course/index";
import { loadWrongVariants } from "../../../sandbox/course/check/wrong-variants";
import { createWebContainerSandbox } from "../../../sandbox/engines/webcontainer/index";
import type { DatabaseFileBytes } from "../../../sandbox/engines/webcontainer/database-mount";
import { loadDatabaseFileBytes, loadPayloadAssets } from "../../../sandbox/payload/assets";
import { PASSING_WORKSPACE } from "../contract-fixtures";
import { NodeWebContainer } from "../fakes/node-webcontainer";
import { APP, ATTACKS, attackChecks, ENDLESS } from "../engines/database-attack-lesson";

const assets = await loadPayloadAssets();
const course = await loadCourse("lessons");
const lesson = course.chapters.flatMap((chapter) => chapter.lessons).find((found) => found.id === "data/queries")!;
const injection = (await loadWrongVariants(lesson)).variants.find((variant) => variant.name === "sort-blocklist")!;

const containers: NodeWebContainer[] = [];
function boot(): Promise<NodeWebContainer> {
  const container = new NodeWebContainer();
  containers.push(container);
  return Promise.resolve(container);
}
afterAll(() => {
  for (const container of containers) container.teardown();
});
const port = () => 40_000 + Math.floor(Math.random() * 20_000);

/** The database files as the site serves them, counting how often the engine asks. */
function countingFiles(): { files: () => Promise<DatabaseFileBytes>; asked: () => number } {
  let asked = 0;
  return { files: () => (asked++, loadDatabaseFileBytes()), asked: () => asked };
}

const PGLITE_FILES = ["pglite.mjs", "pglite.wasm", "initdb.wasm", "pglite.data", "pglite-datadir.tar.gz", "libpg-query.cjs", "libpg-query.wasm"];

describe("the webcontainer engine's database (Node-backed stand-in container)", () => {
  it("grades a database lesson: the solution passes, the starter and an ORDER BY injection fail; PGlite's files are asked for once", async () => {
    const container = await boot();
    const files = countingFiles();
    // A generous run: PGlite starts in every run's grader host, slowly on a loaded machine.
    const sandbox = createWebContainerSandbox({ webcontainer: container, boot, assets, databaseFiles: files.files, port: port(), timeoutMs: 60_000, checkTimeoutMs: 20_000 });
    try {
      await sandbox.load({ files: lesson.solution, checks: lesson.checks });
      const solution = await sandbox.check();
      expect(solution.status, JSON.stringify(solution, null, 2)).toBe("pass");
      expect(readdirSync(join(container.workdir, "grade/.vial")).filter((name) => PGLITE_FILES.includes(name)).sort()).toEqual([...PGLITE_FILES].sort());
      const spawned = container.spawned.at(-1)!;
      expect(spawned.args.some((arg) => arg.startsWith("--database=") && arg.includes(".vial/pglite.mjs")), spawned.args.join(" ")).toBe(true);

      await sandbox.load({ files: lesson.starter, checks: lesson.checks });
      const starter = await sandbox.check();
      expect(starter.status, JSON.stringify(starter, null, 2)).not.toBe("pass");
      expect(starter.checks.some((check) => check.status === "fail")).toBe(true);

      await sandbox.load({ files: injection.files, checks: lesson.checks });
      const injected = await sandbox.check();
      expect(injected.status, `${injection.note}\n${JSON.stringify(injected, null, 2)}`).toBe("fail");
      expect(injected.checks.some((check) => check.status === "fail" && /sort|order/i.test(`${check.name} ${check.message}`)), JSON.stringify(injected.checks, null, 2)).toBe(true);
      expect(files.asked()).toBe(1);
    } finally {
      await sandbox.dispose();
    }
  }, 600_000);

  it("keeps the node engine's boundary: every hostile statement is refused (role, parser), an endless one restarts PGlite, and nothing survives into the next check", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: boot(), boot, assets, databaseFiles: loadDatabaseFileBytes, port: port(), timeoutMs: 180_000, checkTimeoutMs: 20_000 });
    try {
      await sandbox.load({ files: { "app.ts": APP }, checks: attackChecks(true) });
      const report = await sandbox.check();
      expect(report.checks.filter((check) => check.status !== "pass").map((check) => `${check.name}: ${check.message}`)).toEqual([]);
      expect(report.checks).toHaveLength(ATTACKS.length + ENDLESS.length + 3);
    } finally {
      await sandbox.dispose();
    }
  }, 300_000);

  it("previews a database lesson: the app's initDb runs on PGlite in the container before it serves", async () => {
    const sandbox = createWebContainerSandbox({ webcontainer: boot(), boot, assets, databaseFiles: loadDatabaseFileBytes, port: port(), startTimeoutMs: 60_000 });
    try {
      await sandbox.load({ files: lesson.solution, checks: lesson.checks });
      const { url } = await sandbox.start();
      const response = await fetch(new URL("notes?q=a", url));
      const body = await response.text();
      expect(response.status, body).toBe(200);
      expect(Array.isArray((JSON.parse(body) as { notes: unknown }).notes), body).toBe(true);
    } finally {
      await sandbox.dispose();
    }
  }, 300_000);

  it("neither asks for nor mounts PGlite's files for a lesson without a database", async () => {
    const container = await boot();
    const files = countingFiles();
    const sandbox = createWebContainerSandbox({ webcontainer: container, boot, assets, databaseFiles: files.files, port: port() });
    try {
      await sandbox.load(PASSING_WORKSPACE);
      expect((await sandbox.check()).status).toBe("pass");
      const mounted = readdirSync(join(container.workdir, "grade/.vial"));
      expect(mounted).toContain("grader-host.mjs");
      expect(mounted.filter((name) => /pglite|initdb|libpg-query/.test(name))).toEqual([]);
      expect(container.spawned.at(-1)!.args.some((arg) => arg.startsWith("--database="))).toBe(false);
      expect(files.asked()).toBe(0);
    } finally {
      await sandbox.dispose();
    }
  }, 120_000);

  it("reports a database lesson whose files cannot be had, and asks again at the next run", async () => {
    let asked = 0;
    const sandbox = createWebContainerSandbox({
      webcontainer: boot(), boot, assets, port: port(),
      databaseFiles: () => (asked++, Promise.reject(new Error("Could not load the database file /sandbox/pglite.wasm (offline)"))),
    });
    try {
      await sandbox.load({ files: lesson.solution, checks: lesson.checks });
      const report = await sandbox.check();
      expect(report.status).toBe("error");
      expect(report.message).toMatch(/database could not start: Could not load the database file \/sandbox\/pglite\.wasm/);
      await sandbox.check();
      expect(asked).toBeGreaterThanOrEqual(2);
    } finally {
      await sandbox.dispose();
    }
  }, 60_000);

  it("voids a run during which PGlite's mounted files changed", async () => {
    const container = await boot();
    // The app rewrites a byte of the mounted WebAssembly while the checks run (any process in a
    // container may write anywhere in it); the comparison is byte for byte.
    const tamper = `
import { Vial } from "vial";
export { initDb } from "./db";
export const app = new Vial();
const fs = process.getBuiltinModule("fs");
const wasm = ".vial/pglite.wasm";
const bytes = fs.readFileSync(wasm);
bytes[bytes.length - 1] ^= 1;
fs.writeFileSync(wasm, bytes);
`;
    const sandbox = createWebContainerSandbox({ webcontainer: container, boot, assets, databaseFiles: loadDatabaseFileBytes, port: port(), timeoutMs: 60_000, checkTimeoutMs: 20_000 });
    try {
      await sandbox.load({ files: { ...lesson.solution, "app.ts": tamper }, checks: lesson.checks });
      const report = await sandbox.check();
      expect(report.status).toBe("error");
      expect(report.message).toMatch(/\.vial\/pglite\.wasm changed while the checks ran/);
    } finally {
      await sandbox.dispose();
    }
  }, 300_000);
});
