/**
 * nodeGrader's sessions: a lesson's runs share a few sandboxes (lanes), one run after another
 * in each. What must hold is that a run grades only its own files, with new learner processes
 * and a database with nothing of the runs before it, and reports exactly as a fresh sandbox.
 */
import { afterEach, describe, expect, it } from "vitest";
import { nodeGrader } from "../../../../sandbox/course/check/node-grader";
import type { GradingSession } from "../../../../sandbox/course/check/grader";

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("says Hello", async () => {
  expect((await http(app).get("/")).text).toBe("Hello");
});
check("a fresh app: the first hit is hit 1", async () => {
  expect((await http(app).get("/hits")).text).toBe("1");
});
check("no extra.ts beside app.ts", async () => {
  expect((await http(app).get("/extra")).text).toBe("none");
});
`;

// The app reports whether an extra.ts is in its folder by importing it lazily.
const app = (greeting: string) => `import { Vial } from "vial";
export const app = new Vial();
let hits = 0;
app.get("/", () => "${greeting}");
app.get("/hits", () => String(++hits));
app.get("/extra", async () => {
  try {
    return (await import("./extra")).extra;
  } catch {
    return "none";
  }
});
`;

const grade = nodeGrader({ timeoutMs: 30_000 });
let session: GradingSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe("nodeGrader sessions", { timeout: 120_000 }, () => {
  it("grade each run's own files with a fresh app, one lane after another, as a fresh sandbox does", async () => {
    session = grade.session!(1);
    const statuses = async (files: Record<string, string>, stopAtFirstFailure = false) =>
      (await session!.grade({ files, checks: CHECKS, stopAtFirstFailure })).checks.map((check) => check.status);

    expect(await statuses({ "app.ts": app("Hello") })).toEqual(["pass", "pass", "pass"]);
    // A file of the last run is gone, and the hit counter starts again (new learner processes).
    expect(await statuses({ "app.ts": app("Hello"), "extra.ts": 'export const extra = "here";' })).toEqual(["pass", "pass", "fail"]);
    expect(await statuses({ "app.ts": app("Hi") })).toEqual(["fail", "pass", "pass"]);
    expect(await statuses({ "app.ts": app("Hi") }, true)).toEqual(["fail", "skip", "skip"]);
    // The same as a sandbox of its own.
    expect((await grade({ files: { "app.ts": app("Hi") }, checks: CHECKS })).checks.map((check) => check.status)).toEqual(["fail", "pass", "pass"]);
  });

  it("run as many at once as it has lanes, and keep the order runs were asked for", async () => {
    session = grade.session!(2);
    const greetings = ["Hello", "Hi", "Hey", "Hello"];
    const reports = await Promise.all(greetings.map((greeting) => session!.grade({ files: { "app.ts": app(greeting) }, checks: CHECKS })));
    expect(reports.map((report) => report.checks[0]?.status)).toEqual(["pass", "fail", "fail", "pass"]);
  });

  it("give a run a database that holds nothing of the run before", async () => {
    // No database.setup: nothing wipes the database before each check, so only the session can.
    const checks = `import { check, database, expect, http } from "grader";
import { app } from "./app";
check("the app's table is the only one", async () => {
  expect((await http(app).post("/tables")).status, "status of POST /tables").toBe(201);
  const rows = await database.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
  expect(rows, "tables in public").toEqual([{ n: 1 }]);
});
`;
    const files = {
      "app.ts": `import { Vial } from "vial";
import { connect } from "vial/db";
export const app = new Vial();
app.post("/tables", async () => {
  const db = await connect();
  await db.query("CREATE TABLE notes_" + String(Math.random()).slice(2) + " (id serial PRIMARY KEY)");
  return ["made", 201];
});
`,
    };
    session = grade.session!(1);
    for (let run = 0; run < 3; run++) {
      const report = await session.grade({ files, checks });
      expect([report.message, report.checks.map((check) => [check.status, check.message])]).toEqual([undefined, [["pass", undefined]]]);
    }
  });

  it("keep a lane whose checks left a promise rejection unhandled, and report it in that run's own report", async () => {
    // The rejection nothing awaits comes only when the app says "Hi": the runs before and after are clean.
    const checks = `import { check, expect, http } from "grader";
import { app } from "./app";
check("says Hello", async () => {
  const text = (await http(app).get("/")).text;
  if (text === "Hi") Promise.reject(new Error("left behind by a check"));
  expect(text).toBe("Hello");
});
check("second", async () => {
  expect((await http(app).get("/hits")).text).toBe("1");
});
`;
    session = grade.session!(1);
    const run = async (greeting: string) => {
      const report = await session!.grade({ files: { "app.ts": app(greeting) }, checks });
      return [report.status, report.message ?? "", report.checks.map((check) => check.status)];
    };
    expect(await run("Hello")).toEqual(["pass", "", ["pass", "pass"]]);
    const [status, message] = await run("Hi");
    expect(status).toBe("error");
    expect(message).toContain("checks.ts left a promise rejection unhandled");
    expect(message).toContain("Error: left behind by a check");
    // Before, the lane's grader host died of it, and this run ended "without a grade report".
    expect(await run("Hello")).toEqual(["pass", "", ["pass", "pass"]]);
    expect(await run("Hello")).toEqual(["pass", "", ["pass", "pass"]]);
  });
});
