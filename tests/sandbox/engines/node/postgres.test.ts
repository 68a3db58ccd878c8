// The data chapter on a real PostgreSQL server: each lesson's solution passes its checks and its
// starter does not, with the lesson's database a throwaway cluster reached through node-postgres
// instead of PGlite. The lesson code is the same; only the sandbox's database differs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../../../sandbox/course/index";
import { NodeSandbox } from "../../../../sandbox/engines/node/index";
import { postgresSource } from "../../../../sandbox/engines/node/database-source";
import { usesDatabase } from "../../../../sandbox/engines/uses-database";
import { postgresUnavailable, startPostgres, type ThrowawayPostgres } from "./postgres-server";

const course = await loadCourse("lessons");
const lessons = course.chapters.flatMap((chapter) => chapter.lessons).filter((lesson) => usesDatabase(lesson.checks));

describe.skipIf(postgresUnavailable !== undefined)("lessons with a database, against a real PostgreSQL server", () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it("has lessons to grade", () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  for (const lesson of lessons) {
    it(`${lesson.id}: the solution passes and the starter does not`, async () => {
      const grade = async (files: Record<string, string>) => {
        const sandbox = new NodeSandbox({ timeoutMs: 120_000, database: postgresSource(server.url) });
        try {
          await sandbox.load({ files, checks: lesson.checks });
          return await sandbox.check();
        } finally {
          await sandbox.dispose();
        }
      };
      const solved = await grade(lesson.solution);
      expect(solved.status, JSON.stringify(solved.checks.filter((check) => check.status !== "pass"), null, 2)).toBe("pass");
      const started = await grade(lesson.starter);
      expect(started.status).not.toBe("pass");
    }, 300_000);
  }
});
