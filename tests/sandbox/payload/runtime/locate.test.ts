import { describe, expect, it } from "vitest";
import { codeFrame, LearnerCodeError, locate, where } from "../../../../sandbox/payload/runtime/locate";
import { joinPath, safeLearnerPath } from "../../../../sandbox/payload/runtime/paths";

describe("locate", () => {
  it("uses the location a LearnerCodeError carries", () => {
    expect(locate(new LearnerCodeError("x", { file: "a.ts", line: 3, column: 2 }), () => false)).toEqual({ file: "a.ts", line: 3, column: 2 });
  });

  it("finds the first stack frame in a learner file", () => {
    const error = new Error("boom");
    error.stack = "Error: boom\n    at inner (file:///x/.vial/vial-node.mjs:10:5)\n    at handler (routes/users.ts:7:13)\n    at app.ts:12:1";
    expect(locate(error, (file) => file.endsWith(".ts"))).toEqual({ file: "routes/users.ts", line: 7, column: 13 });
  });

  it("drops the column on line 1, where sucrase's prelude shifts it", () => {
    const error = new Error("boom");
    error.stack = "Error: boom\n    at app.ts:1:250";
    expect(locate(error, () => true)).toEqual({ file: "app.ts", line: 1, column: 0 });
  });

  it("returns undefined when no frame is the learner's", () => {
    expect(locate(new Error("x"), () => false)).toBeUndefined();
    expect(locate("a string", () => true)).toBeUndefined();
  });
});

describe("codeFrame and where", () => {
  it("shows the line with a caret under the column", () => {
    expect(codeFrame("a\nconst b = ;\n", 2, 11)).toBe("  2 | const b = ;\n    |           ^");
  });

  it("leaves the caret out when the column is unknown, and everything out for unknown lines", () => {
    expect(codeFrame("x()", 1, 0)).toBe("  1 | x()");
    expect(codeFrame("x()", 0, 0)).toBe("");
    expect(codeFrame("x()", 9, 1)).toBe("");
  });

  it("formats file:line:column, dropping what is unknown", () => {
    expect(where({ file: "app.ts", line: 3, column: 4 })).toBe("app.ts:3:4");
    expect(where({ file: "app.ts", line: 3, column: 0 })).toBe("app.ts:3");
    expect(where({ file: "app.ts", line: 0, column: 0 })).toBe("app.ts");
  });
});

describe("paths", () => {
  it("joins and normalises payload paths without leaving the root", () => {
    expect(joinPath("routes", "../app.ts")).toBe("app.ts");
    expect(joinPath("", "./a/./b.ts")).toBe("a/b.ts");
    expect(joinPath("", "../../etc/passwd")).toBe("etc/passwd");
  });

  it("accepts workspace paths and refuses escapes and the payload folder", () => {
    expect(safeLearnerPath("./routes/users.ts")).toBe("routes/users.ts");
    for (const bad of ["../x.ts", "/etc/passwd", ".vial/checks.ts", ".vial", "a/../../b", "node_modules/vial/index.js", ""]) {
      expect(() => safeLearnerPath(bad), bad).toThrow(/not a path/);
    }
  });
});
