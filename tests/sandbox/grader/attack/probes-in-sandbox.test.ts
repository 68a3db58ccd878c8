import { describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node";
import { PROBE_FIXTURES } from "./probe-fixtures";

async function grade(files: Record<string, string>, checks: string) {
  const sandbox = new NodeSandbox();
  try {
    await sandbox.load({ files, checks });
    return await sandbox.check();
  } finally {
    await sandbox.dispose();
  }
}

describe("the session-cookie, weak-key, guarded-routes, IDOR and account-enumeration probes inside the payload (node engine)", () => {
  for (const fixture of PROBE_FIXTURES) {
    it(`attack.${fixture.probe} passes a correct app and fails one that ${fixture.mistake}`, async () => {
      const correct = await grade(fixture.correct, fixture.checks);
      expect(correct.checks.map((check) => [check.status, check.message])).toEqual([["pass", undefined]]);
      const broken = await grade(fixture.broken, fixture.checks);
      expect(broken.checks[0]?.status).toBe("fail");
      expect(broken.checks[0]?.message).toMatch(/expected no findings, got \d+:\n- /);
    });
  }
});
