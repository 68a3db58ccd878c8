import { transform } from "sucrase";
import { describe, expect, it } from "vitest";
import { loadApp } from "../../../../sandbox/payload/runtime/load-app";
import type { RuntimeHost } from "../../../../sandbox/payload/runtime/module-loader";
import { runChecks } from "../../../../sandbox/payload/runtime/run-checks";

/** An app with no framework: checks only need `request` or `fetch`. */
const APP = `export const app = {
  async fetch(request: Request) {
    return new URL(request.url).pathname === "/" ? new Response("Hello") : new Response("Not Found", { status: 404 });
  },
};
`;

const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("GET / says Hello", async () => {
  expect((await http(app).get("/")).text, "body of GET /").toBe("Hello");
}, { task: 1 });
check("GET /missing is found", async () => {
  expect((await http(app).get("/missing")).status, "status of GET /missing").toBe(200);
}, { task: 2, hint: "Add it." });
`;

function host(files: Record<string, string>): RuntimeHost {
  return { readFile: (path) => files[path], modules: {}, transform: transform as RuntimeHost["transform"] };
}

describe("runChecks", () => {
  it("loads the learner's app and the checks and grades them", async () => {
    const report = await runChecks({ host: host({ "app.ts": APP, ".vial/checks.ts": CHECKS }) });
    expect(report.status).toBe("fail");
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([["GET / says Hello", "pass"], ["GET /missing is found", "fail"]]);
    expect(report.checks[1]).toMatchObject({ message: "status of GET /missing: expected 200, got 404.", hint: "Add it.", trace: { response: { status: 404 } } });
  });

  it("reports code that does not load as an error with file, line and the line itself", async () => {
    const report = await runChecks({ host: host({ "app.ts": `export const app = {};\nconst x: number = ;\n`, ".vial/checks.ts": CHECKS }) });
    expect(report).toMatchObject({ status: "error", checks: [] });
    expect(report.message).toBe("app.ts:2:19: Syntax error: Unexpected token\n  2 | const x: number = ;\n    |                   ^");
  });

  it("reports a throw while loading with where it was thrown", async () => {
    const report = await runChecks({ host: host({ "app.ts": `export const app = {};\n\nthrow new RangeError("no");\n`, ".vial/checks.ts": CHECKS }) });
    expect(report.message).toMatch(/^app\.ts:3:\d+: Your code threw RangeError: no\n {2}3 \| throw new RangeError\("no"\);/);
  });

  it("names the learner's line when a check crashes in their handler", async () => {
    const app = `export const app = {\n  async fetch() {\n    return (undefined as any).oops;\n  },\n};\n`;
    const report = await runChecks({ host: host({ "app.ts": app, ".vial/checks.ts": CHECKS }) });
    expect(report.checks[0]?.message).toMatch(/^TypeError: .*oops.* \(at app\.ts:3:\d+\)$/);
  });

  it("loads a different entry file when told to", async () => {
    const report = await runChecks({ entry: "server.ts", host: host({ "server.ts": `throw new Error("entry loaded");\n`, "app.ts": APP, ".vial/checks.ts": CHECKS }) });
    expect(report.message).toContain("server.ts:1");
  });
});

describe("loadApp", () => {
  it("returns the exported app, or the default export", () => {
    expect(typeof loadApp({ host: host({ "app.ts": APP }) }).fetch).toBe("function");
    expect(typeof loadApp({ host: host({ "app.ts": `export default { fetch: async () => new Response("") };\n` }) }).fetch).toBe("function");
  });

  it("explains what to export when there is no app", () => {
    expect(() => loadApp({ host: host({ "app.ts": `export const server = 1;\n` }) })).toThrow("app.ts must export your app, e.g. `export const app = new Vial();`.");
  });

  it("says where loading failed", () => {
    expect(() => loadApp({ host: host({ "app.ts": `\nconst = 1;\n` }) })).toThrow(/^app\.ts:2:\d+: Syntax error/);
  });
});
