import { describe, expect, it } from "vitest";
import { graderParse } from "../../../sandbox/grader/config-parsers";
import { createGrader } from "../../../sandbox/grader/grader";
import { parse } from "../../../sandbox/grader/config-files";

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
