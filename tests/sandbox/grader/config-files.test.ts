import { describe, expect, it } from "vitest";
import { parse } from "../../../sandbox/grader/config-files";

describe("parse.dockerfile", () => {
  it("splits a multi-stage Dockerfile into stages, with flags, ENV and ARG values and joined continuations", () => {
    const parsed = parse.dockerfile(`# syntax=docker/dockerfile:1
ARG NODE_VERSION=22
FROM node:\${NODE_VERSION}-slim AS Build
RUN npm ci \\
    && npm run build
FROM node:22-slim
ENV NODE_ENV=production PORT="8000" PATH_=a\\ b
ARG NPM_TOKEN
COPY --from=build --chown=node:node /app/dist ./dist
USER node
CMD ["node", "dist/server.js"]
`);
    expect(parsed.preamble.map((instruction) => instruction.keyword)).toEqual(["ARG"]);
    expect(parsed.stages.map((stage) => [stage.image, stage.name])).toEqual([["node:${NODE_VERSION}-slim", "build"], ["node:22-slim", undefined]]);
    const [build, final] = parsed.stages;
    expect(build?.instructions[0]?.content).toMatch(/^npm ci\s+&& npm run build$/);
    const [env, arg, copy, user, cmd] = final?.instructions ?? [];
    expect(env?.properties).toEqual([{ name: "NODE_ENV", value: "production" }, { name: "PORT", value: "8000" }, { name: "PATH_", value: "a b" }]);
    expect(arg?.properties).toEqual([{ name: "NPM_TOKEN", value: null }]);
    expect(copy?.flags).toEqual({ from: "build", chown: "node:node" });
    expect(copy?.args).toEqual(["/app/dist", "./dist"]);
    expect(user?.args).toEqual(["node"]);
    expect(cmd?.content).toBe('["node", "dist/server.js"]');
    expect(cmd?.line).toBe(11);
  });

  it("parses without Node's Buffer, as in the worker engine's grader Worker, and skips a byte-order mark", () => {
    const { Buffer } = globalThis;
    Reflect.deleteProperty(globalThis, "Buffer");
    try {
      expect(parse.dockerfile("\uFEFFFROM node:22 AS build\n").stages.map((stage) => stage.name)).toEqual(["build"]);
    } finally {
      globalThis.Buffer = Buffer;
    }
  });

  it("keeps instructions that a comment or a lower-case keyword would hide from a text search", () => {
    const parsed = parse.dockerfile("FROM node:22\n# USER node\nuser root\n");
    expect(parsed.stages[0]?.instructions.map((instruction) => [instruction.keyword, instruction.args])).toEqual([["USER", ["root"]]]);
  });
});

describe("parse.yaml", () => {
  it("reads a workflow in YAML 1.2, where on: is a key, not true", () => {
    expect(parse.yaml("on:\n  push:\n  pull_request:\njobs:\n  test:\n    steps:\n      - run: npm test\n")).toEqual({
      on: { push: null, pull_request: null },
      jobs: { test: { steps: [{ run: "npm test" }] } },
    });
  });

  it("refuses a file that does not parse, saying so", () => {
    expect(() => parse.yaml("jobs:\n  test:\n    steps: [unclosed\n")).toThrow(/The YAML does not parse/);
  });
});
