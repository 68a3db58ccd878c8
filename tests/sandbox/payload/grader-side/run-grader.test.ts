import { describe, expect, it } from "vitest";
import { runGrader } from "../../../../sandbox/payload/grader-side/run-grader";
import { inProcessHost } from "./in-process-learner";

const APP = `export const app = {
  async fetch(request: Request) {
    const url = new URL(request.url);
    if (url.pathname === "/") return new Response("Hello", { headers: [["set-cookie", "a=1"], ["set-cookie", "b=2"]] });
    if (url.pathname === "/echo") return new Response(await request.text(), { status: 201, headers: { "content-type": request.headers.get("content-type") ?? "none" } });
    return new Response("Not Found", { status: 404 });
  },
};
`;

const check = (body: string, name = "c") => `import { check, expect, http } from "grader";\n${body.includes("./app") ? "" : 'import { app } from "./app";\n'}check(${JSON.stringify(name)}, async () => {\n${body}\n});\n`;

describe("runGrader (learner side over a loopback port)", () => {
  it("grades the learner's app through an app proxy: status, body, every Set-Cookie", async () => {
    const report = await runGrader({ host: inProcessHost({ "app.ts": APP, ".vial/checks.ts": check(`
      const client = http(app);
      const res = await client.get("/");
      expect(res.text).toBe("Hello");
      expect(res.cookies).toEqual({ a: "1", b: "2" });
      const echo = await client.post("/echo", { json: { x: 1 } });
      expect(echo.status).toBe(201);
      expect(echo.json()).toEqual({ x: 1 });
      expect(echo.headers.get("content-type")).toBe("application/json");
    `) }) });
    expect(report).toMatchObject({ status: "pass", checks: [{ name: "c", status: "pass" }] });
  });

  it("fails with the trace when the app answers something else", async () => {
    const report = await runGrader({ host: inProcessHost({ "app.ts": APP, ".vial/checks.ts": check(`expect((await http(app).get("/nope")).status, "status of GET /nope").toBe(200);`) }) });
    expect(report.status).toBe("fail");
    expect(report.checks[0]).toMatchObject({ status: "fail", message: "status of GET /nope: expected 200, got 404.", trace: { response: { status: 404, body: "Not Found" } } });
  });

  it("reports learner code that does not load with file, line and code frame", async () => {
    const report = await runGrader({ host: inProcessHost({ "app.ts": "export const app = {};\nconst x: number = ;\n", ".vial/checks.ts": check("") }) });
    expect(report).toMatchObject({ status: "error", checks: [] });
    expect(report.message).toBe("app.ts:2:19: Syntax error: Unexpected token\n  2 | const x: number = ;\n    |                   ^");
  });

  it("reports a broken checks.ts naming checks.ts", async () => {
    const report = await runGrader({ host: inProcessHost({ "app.ts": APP, ".vial/checks.ts": `import { check } from "grader";\nconst = 1;\n` }) });
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/^checks\.ts:2/);
  });

  it("gives checks data by value, functions as async proxies, and apps made by functions as new proxies", async () => {
    const files = {
      "app.ts": `export const KEY = "k-2025";\nexport const LIST = [1, { a: undefined, b: NaN }];\nexport function add(a: number, b: number) { return a + b; }\nexport function createApp(env: { NAME?: string }) {\n  if (!env.NAME) throw new TypeError("NAME is missing");\n  return { fetch: async () => new Response("hi " + env.NAME) };\n}\n`,
      ".vial/checks.ts": `import { check, expect, http } from "grader";
import { KEY, LIST, add, createApp } from "./app";
check("data", () => {
  expect(KEY).toBe("k-2025");
  expect(LIST).toEqual([1, { b: NaN }]);
  expect(Number.isNaN((LIST[1] as { b: number }).b)).toBe(true);
});
check("function", async () => {
  expect(await add(2, 3)).toBe(5);
  expect(add.name).toBe("add");
});
check("app from a function", async () => {
  expect((await http(await createApp({ NAME: "ada" })).get("/")).text).toBe("hi ada");
  expect((await http(createApp({ NAME: "bob" })).get("/")).text).toBe("hi bob");
});
check("throws come back as rejections", async () => {
  await expect(createApp({})).rejects.toThrow(/NAME is missing/);
  await expect(() => createApp({})).toThrow(TypeError);
  await expect(() => createApp({ NAME: "x" })).not.toThrow();
});
`,
    };
    const report = await runGrader({ host: inProcessHost(files) });
    expect(report.checks.map((c) => [c.name, c.status, c.message])).toEqual([
      ["data", "pass", undefined], ["function", "pass", undefined], ["app from a function", "pass", undefined], ["throws come back as rejections", "pass", undefined],
    ]);
  });

  it("names where a learner function threw", async () => {
    const files = {
      "app.ts": `export function boom() {\n  throw new RangeError("too big");\n}\n`,
      ".vial/checks.ts": `import { check } from "grader";\nimport { boom } from "./app";\ncheck("calls boom", async () => {\n  await boom();\n});\n`,
    };
    const report = await runGrader({ host: inProcessHost(files) });
    expect(report.checks[0]).toMatchObject({ status: "fail", message: "RangeError: too big (at app.ts:2:9)" });
  });

  it("does not let the learner's realm reach the grader module", async () => {
    const files = { "app.ts": `import { check } from "grader";\nexport const app = check;\n`, ".vial/checks.ts": check("") };
    const report = await runGrader({ host: inProcessHost(files) });
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/Cannot import "grader"/);
  });
});
