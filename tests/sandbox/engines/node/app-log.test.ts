/**
 * The checks read the app's log (`appLog.lines()`): what the learner's code printed, which the
 * learner's process sends on the realm channel. A check must see the lines of its own requests,
 * printed before or after the response was built, and no one else's; and an app cannot pass a
 * "nothing secret in the log" check by printing more than the log keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../../sandbox/engines/node/index";

const APP = `import { Vial } from "vial";
export const app = new Vial();
app.afterRequest((res, req) => {
  console.log(JSON.stringify({ level: "info", method: req.method, path: req.path, status: res.status }));
  return res;
});
app.get("/hello", () => {
  console.error("about to say hello");
  return "hello";
});
app.get("/flood", () => {
  console.log("password=hunter2");
  for (let i = 0; i < 6; i++) console.log("x".repeat(50_000));
  return "flooded";
});
`;

const CHECKS = `import { appLog, check, expect, http } from "grader";
import { app } from "./app";
check("sees what the app printed for its requests, in order", async () => {
  await http(app).get("/hello");
  expect(await appLog.lines(), "the log").toEqual(["about to say hello", '{"level":"info","method":"GET","path":"/hello","status":200}']);
});
check("sees only its own check's lines", async () => {
  await http(app).get("/hello?again");
  const lines = await appLog.lines();
  expect(lines.length, "lines in this check's log").toBe(2);
});
check("a flood of output fails the reading", async () => {
  await http(app).get("/flood");
  const lines = await appLog.lines();
  expect(lines.join("\\n"), "the log").not.toContain("hunter2");
});
`;

describe("appLog across the realm split (node engine)", () => {
  let sandbox: NodeSandbox;
  beforeAll(() => {
    sandbox = new NodeSandbox({ timeoutMs: 15_000 });
  });
  afterAll(() => sandbox.dispose());

  it("gives each check the lines its requests printed, and refuses a log too long to read", async () => {
    await sandbox.load({ files: { "app.ts": APP }, checks: CHECKS });
    const report = await sandbox.check();
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ["sees what the app printed for its requests, in order", "pass"],
      ["sees only its own check's lines", "pass"],
      ["a flood of output fails the reading", "fail"],
    ]);
    expect(report.checks[2]?.message).toMatch(/printed more than 256,000 characters/);
  }, 60_000);
});
