/**
 * The built payload bundles, loaded in-process the way a browser Worker would load them: no
 * node host, just runtime.mjs, sucrase.mjs and vial.mjs wired together with a file map.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildVialBundle } from "../../../scripts/build-vial-bundle.mjs";
import { ASSETS_BY_MODE } from "../../../sandbox/payload/index";
import type * as Runtime from "../../../sandbox/payload/runtime/index";
import type { Transform } from "../../../sandbox/payload/runtime/module-loader";
import type { ConfigParsers } from "../../../sandbox/grader/config-files";
import { CHECKS, GREETING, PASSING_APP } from "../contract-fixtures";
import { vialModules } from "../../../sandbox/payload/vial-modules";

let files: Awaited<ReturnType<typeof buildVialBundle>>["files"];
let runtime: typeof Runtime;
let modules: Record<string, unknown>;
let transform: Transform;

beforeAll(async () => {
  ({ files } = await buildVialBundle());
  const load = (name: keyof typeof files) => import(pathToFileURL(files[name]).href);
  runtime = await load("runtime.mjs");
  transform = (await load("sucrase.mjs")).transform;
  modules = { ...vialModules(await load("vial.mjs")), zod: await load("zod.mjs") };
}, 120_000);

describe("payload bundles", () => {
  it("builds once and then reports itself up to date", async () => {
    expect((await buildVialBundle()).built).toBe(false);
  });

  it("grade a lesson with the browser bundle, without the node host", async () => {
    const tree: Record<string, string> = { "app.ts": PASSING_APP, "greeting.ts": GREETING, [runtime.CHECKS_PATH]: CHECKS };
    const report = await runtime.runChecks({ host: { readFile: (path) => tree[path], modules, transform } });
    expect(report.status).toBe("pass");
    expect(report.checks).toHaveLength(2);
  });

  it("give lessons zod from the payload", async () => {
    const tree: Record<string, string> = {
      "app.ts": `import { z } from "zod";\nconst Item = z.object({ name: z.string() });\nexport const app = { fetch: async (r: Request) => Response.json(Item.safeParse(await r.json()).success) };\n`,
      [runtime.CHECKS_PATH]: `import { check, expect, http } from "grader";\nimport { app } from "./app";\ncheck("validates", async () => {\n  expect((await http(app).post("/", { json: { name: "tea" } })).json()).toBe(true);\n  expect((await http(app).post("/", { json: { name: 1 } })).json()).toBe(false);\n});\n`,
    };
    expect((await runtime.runChecks({ host: { readFile: (path) => tree[path], modules, transform } })).status).toBe("pass");
  });

  it("tell lesson code that imports a moved name from the root where it lives now", async () => {
    const tree: Record<string, string> = {
      "app.ts": `import { Vial, TestClient } from "vial";\nexport const app = new Vial();\nexport const client = () => new TestClient(app);\n`,
      [runtime.CHECKS_PATH]: `import { check, expect } from "grader";\nimport { client } from "./app";\ncheck("makes a client", () => {\n  expect(typeof client()).toBe("object");\n});\n`,
    };
    const report = await runtime.runChecks({ host: { readFile: (path) => tree[path], modules, transform } });
    expect(report.status).not.toBe("pass");
    expect(JSON.stringify(report)).toContain('it is in \\"vial/testing\\"');
  });

  it("keep the config parsers out of the runtimes, in a bundle of their own that the grader is given", async () => {
    for (const name of ["runtime.mjs", "grader-runtime.mjs"] as const) {
      expect(readFileSync(files[name], "utf8"), name).not.toMatch(/DockerfileParser|parseDocument/);
    }
    const { parse } = (await import(pathToFileURL(files["config-parsers.mjs"]).href)) as { parse: ConfigParsers };
    expect(parse.dockerfile("FROM node:22-slim AS build\nUSER node\n").stages).toMatchObject([{ image: "node:22-slim", name: "build", instructions: [{ keyword: "USER", args: ["node"] }] }]);
    expect(parse.yaml("on:\n  push:\n")).toEqual({ on: { push: null } });
  });

  it("keep node-only code out of the browser bundles and out of both realms' runtimes", () => {
    const names = [...ASSETS_BY_MODE.worker, "config-parsers.mjs", "grader-runtime.mjs", "learner-runtime.mjs"] as const;
    for (const name of names.filter((n): n is keyof typeof files => n in files)) {
      expect(readFileSync(files[name], "utf8"), name).not.toMatch(/from\s*["']node:|require\(["']node:/);
    }
  });
});
