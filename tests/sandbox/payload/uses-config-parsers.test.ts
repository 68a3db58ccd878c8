import { describe, expect, it } from "vitest";
import { usesConfigParsers } from "../../../sandbox/payload/uses-config-parsers";

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
