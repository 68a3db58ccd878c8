/**
 * Each file in tests/sandbox/attacks/realm/ is a learner's app.ts that tries to forge a pass
 * from the learner's realm (patched intrinsics, hooked stdout, fake report lines, process.exit,
 * an endless loop, reading its own heap for the nonce) without implementing the route. In the
 * node engine every one must end in a fail or error report, never a pass; and a real fix after
 * it must still pass, so the sandbox is not left broken either.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node/index";

const ATTACKS = join(import.meta.dirname, "../../attacks/realm");

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("GET / says hello", async () => {
  const res = await http(app).get("/");
  expect(res.status, "status of GET /").toBe(200);
  expect(res.text, "body of GET /").toContain("Hello");
}, { task: 1 });
`;

const HONEST_APP = `import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/", () => "Hello");\n`;

describe("forged passes from the learner's realm (node engine)", () => {
  let sandbox: NodeSandbox;
  beforeAll(() => {
    sandbox = new NodeSandbox({ timeoutMs: 8000, checkTimeoutMs: 1500 });
  });
  afterAll(() => sandbox.dispose());

  for (const file of readdirSync(ATTACKS).filter((name) => name.endsWith(".ts"))) {
    it(`${file} does not pass`, async () => {
      await sandbox.load({ files: { "app.ts": readFileSync(join(ATTACKS, file), "utf8") }, checks: CHECKS });
      const report = await sandbox.check();
      expect(["fail", "error"], JSON.stringify(report, null, 2)).toContain(report.status);
      expect(report.checks.filter((check) => check.status === "pass")).toEqual([]);
      await sandbox.write("app.ts", HONEST_APP);
      expect((await sandbox.check()).status).toBe("pass");
    }, 40_000);
  }
});
