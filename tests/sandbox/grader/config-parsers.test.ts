import { describe, expect, it } from "vitest";
import { graderParse, usesConfigParsers } from "../../../sandbox/grader/config-parsers";
import { createGrader } from "../../../sandbox/grader/grader";
import { parse } from "../../../sandbox/grader/config-files";

describe("usesConfigParsers", () => {
  it("is true for checks that import parse from the grader or call it", () => {
    expect(usesConfigParsers('import { check, expect, parse } from "grader";')).toBe(true);
    expect(usesConfigParsers("import {\n  check,\n  parse as read,\n} from 'grader';")).toBe(true);
    expect(usesConfigParsers('import * as grader from "grader";\ngrader.parse.yaml(text);')).toBe(true);
  });

  it("is false for checks that do not, JSON.parse and a parse of their own included", () => {
    expect(usesConfigParsers('import { check, expect } from "grader";\nconst body = JSON.parse(text);')).toBe(false);
    expect(usesConfigParsers('import { parse } from "./parse-cookie";\nimport { check } from "grader";')).toBe(false);
    expect(usesConfigParsers("// we parse the body here\n")).toBe(false);
  });
});

describe("the grader's parse", () => {
  it("is the loaded parsers when the host gave them", () => {
    const { api } = createGrader({ parsers: parse });
    expect(api.parse.yaml("on: [push]\n")).toEqual({ on: ["push"] });
  });

  it("says it is not loaded, instead of failing obscurely, when the host gave none", () => {
    expect(() => createGrader().api.parse.dockerfile("FROM node:22\n")).toThrow(/parse\.dockerfile is not loaded for this lesson.*import \{ parse \} from "grader"/);
    expect(() => graderParse(undefined).yaml("a: 1")).toThrow(/parse\.yaml is not loaded/);
  });
});
