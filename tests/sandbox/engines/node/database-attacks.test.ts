// Hostile SQL from the learner's app against the lesson's database, through the node engine
// (the lesson: ../database-attack-lesson.ts), against PGlite and against a real PostgreSQL server
// when the machine has one (postgres-server.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node/index";
import { postgresSource } from "../../../../sandbox/engines/node/database-source";
import type { DatabaseSource } from "../../../../sandbox/payload/hosts/host-config";
import { APP, ATTACKS, attackChecks, ENDLESS } from "../database-attack-lesson";
import { postgresUnavailable, startPostgres, type ThrowawayPostgres } from "./postgres-server";

async function grade(database?: DatabaseSource) {
  const sandbox = new NodeSandbox({ timeoutMs: 180_000, checkTimeoutMs: 20_000, ...(database ? { database } : {}) });
  try {
    await sandbox.load({ files: { "app.ts": APP }, checks: attackChecks(true) });
    return await sandbox.check();
  } finally {
    await sandbox.dispose();
  }
}

function failures(report: Awaited<ReturnType<typeof grade>>) {
  return report.checks.filter((check) => check.status !== "pass").map((check) => `${check.name}: ${check.message}`);
}

describe("hostile SQL from the app, in the node engine", () => {
  it("with PGlite: every attack is refused with a clear error and leaves nothing behind", async () => {
    const report = await grade();
    expect(failures(report)).toEqual([]);
    expect(report.checks).toHaveLength(ATTACKS.length + ENDLESS.length + 3);
  }, 300_000);

  describe.skipIf(postgresUnavailable !== undefined)("with a real PostgreSQL server", () => {
    let server: ThrowawayPostgres;
    beforeAll(async () => {
      server = await startPostgres();
    }, 120_000);
    afterAll(() => server?.stop());

    it("every attack is refused with a clear error and leaves nothing behind", async () => {
      const report = await grade(postgresSource(server.url));
      expect(failures(report)).toEqual([]);
      expect(report.checks).toHaveLength(ATTACKS.length + ENDLESS.length + 3);
    }, 300_000);
  });
});
