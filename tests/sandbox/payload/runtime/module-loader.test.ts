import { transform } from "sucrase";
import { describe, expect, it } from "vitest";
import { LearnerCodeError } from "../../../../sandbox/payload/runtime/locate";
import { createModuleLoader } from "../../../../sandbox/payload/runtime/module-loader";
import type { RuntimeHost } from "../../../../sandbox/payload/runtime/module-loader";

function hostWith(files: Record<string, string>, modules: Record<string, unknown> = {}): RuntimeHost {
  return { readFile: (path) => files[path], modules, transform: transform as RuntimeHost["transform"] };
}

function loadError(files: Record<string, string>, entry = "app.ts"): LearnerCodeError | Error {
  const loader = createModuleLoader(hostWith(files));
  try {
    loader.load(entry);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected loading to fail");
}

describe("createModuleLoader", () => {
  it("runs TypeScript with ESM imports and exports", () => {
    const loader = createModuleLoader(hostWith({
      "app.ts": `import { add } from "./math";\ninterface Shape { n: number }\nconst s: Shape = { n: add(1, 2) };\nexport const result = s.n;\nexport default "main";\n`,
      "math.ts": `export const add = (a: number, b: number): number => a + b;\n`,
    }));
    expect(loader.load("app.ts")).toMatchObject({ result: 3, default: "main" });
  });

  it("resolves .js specifiers to .ts files, folders to index files, and JSON", () => {
    const loader = createModuleLoader(hostWith({
      "app.ts": `import { a } from "./lib/a.js";\nimport { b } from "./lib";\nimport data from "./data.json";\nexport const all = [a, b, data.c];\n`,
      "lib/a.ts": `export const a = "a";\n`,
      "lib/index.ts": `export { b } from "./b";\n`,
      "lib/b.ts": `export const b = "b";\n`,
      "data.json": `{ "c": "c" }`,
    }));
    expect(loader.load("app.ts")).toMatchObject({ all: ["a", "b", "c"] });
  });

  it("imports a file that is not code (a Dockerfile, a workflow) as its text, without running it", () => {
    const dockerfile = "FROM node:22-slim\nRUN echo ${HOME} `id`\n";
    const workflow = "on:\n  push:\njobs: {}\n";
    const loader = createModuleLoader(hostWith({
      "checks.ts": `import dockerfile from "./Dockerfile";\nimport ignore from "./.dockerignore";\nimport workflow from "./.github/workflows/ci.yml";\nexport const texts = [dockerfile, ignore, workflow];\n`,
      Dockerfile: dockerfile,
      ".dockerignore": ".env\n",
      ".github/workflows/ci.yml": workflow,
    }));
    expect(loader.load("checks.ts")).toMatchObject({ texts: [dockerfile, ".env\n", workflow] });
  });

  it("hands out named modules and evaluates each file once", () => {
    let evaluations = 0;
    const loader = createModuleLoader(hostWith(
      { "app.ts": `import { tick } from "counter";\nimport "./once";\nimport "./once";\nexport const n = tick();\n`, "once.ts": `import { tick } from "counter";\ntick();\n` },
      { counter: { tick: () => ++evaluations } },
    ));
    expect(loader.load("app.ts")).toMatchObject({ n: 2 });
    expect(evaluations).toBe(2);
  });

  it("copes with import cycles as CommonJS does", () => {
    const loader = createModuleLoader(hostWith({
      "a.ts": `import { b } from "./b";\nexport const a = "a";\nexport const seen = b;\n`,
      "b.ts": `import * as a from "./a";\nexport const b = "b";\nexport const early = () => a.a;\n`,
    }));
    expect(loader.load("a.ts")).toMatchObject({ a: "a", seen: "b" });
  });

  it("reports a syntax error at its file, line and column", () => {
    const error = loadError({ "app.ts": `const a = 1;\nconst b = ;\n` }) as LearnerCodeError;
    expect(error).toBeInstanceOf(LearnerCodeError);
    expect(error.message).toMatch(/^Syntax error: Unexpected token/);
    expect(error.location).toEqual({ file: "app.ts", line: 2, column: 11 });
  });

  it("names the import line of a file that does not exist", () => {
    const error = loadError({ "app.ts": `// routes\nimport { users } from "./users";\nexport const u = users;\n` }) as LearnerCodeError;
    expect(error.message).toBe('Cannot import "./users": there is no file users.ts (or .js).');
    expect(error.location).toEqual({ file: "app.ts", line: 2, column: 23 });
  });

  it("refuses packages the sandbox does not provide, listing what it does", () => {
    const loader = createModuleLoader(hostWith({ "app.ts": `import express from "express";\nexport default express;\n` }, { vial: {} }));
    expect(() => loader.load("app.ts")).toThrow(/Cannot import "express".*"vial"/);
  });

  it("explains top-level await instead of a bare syntax error", () => {
    const error = loadError({ "app.ts": `export const x = 1;\nawait Promise.resolve();\n` }) as LearnerCodeError;
    expect(error.message).toContain("Top-level `await`");
    expect(error.location?.file).toBe("app.ts");
  });

  it("names learner files in stack traces with their real line numbers", () => {
    const error = loadError({ "app.ts": `import { boom } from "./lib";\nboom();\n`, "lib.ts": `\n\nexport function boom() {\n  throw new Error("bang");\n}\n` });
    expect(error.stack).toMatch(/lib\.ts:4:\d+/);
    expect(error.stack).toMatch(/app\.ts:2:\d+/);
  });

  it("loads a file under another name and folder, as the checks are", () => {
    const loader = createModuleLoader(hostWith({ ".vial/checks.ts": `import { app } from "./app";\nexport const seen = app;\n`, "app.ts": `export const app = "the app";\n` }));
    expect(loader.load(".vial/checks.ts", { name: "checks.ts", dir: "" })).toMatchObject({ seen: "the app" });
    expect(loader.isLearnerFile("checks.ts")).toBe(true);
    expect(loader.sourceOf("checks.ts")).toContain("./app");
  });
});
