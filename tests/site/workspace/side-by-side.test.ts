import { describe, expect, it } from "vitest";
import { changedFiles, sideBySide } from "../../../site/workspace/side-by-side";
import { fileTree } from "../../../site/workspace/file-tree";

describe("side-by-side diff", () => {
  it("pairs a replaced line with its replacement", () => {
    const rows = sideBySide("a\nb\nc\n", "a\nB\nc\n");
    expect(rows.map((row) => row.kind)).toEqual(["same", "changed", "same"]);
    expect(rows[1]).toEqual({ kind: "changed", left: { line: 2, text: "b" }, right: { line: 2, text: "B" } });
  });

  it("shows lines only one side has, keeping line numbers right", () => {
    const rows = sideBySide("a\n", "a\nb\nc\n");
    expect(rows.map((row) => row.kind)).toEqual(["same", "added", "added"]);
    expect(rows[2]?.right).toEqual({ line: 3, text: "c" });
    expect(sideBySide("a\nb\n", "b\n").map((row) => row.kind)).toEqual(["removed", "same"]);
  });

  it("lists files that differ, including files on one side only", () => {
    expect(changedFiles({ "a.ts": "1", "b.ts": "2" }, { "a.ts": "1", "b.ts": "3", "c.ts": "" })).toEqual(["b.ts", "c.ts"]);
  });
});

describe("file tree", () => {
  it("groups files by folder, sorted", () => {
    const tree = fileTree(["routes/users.ts", "app.ts", "routes/admin/x.ts", "data.ts"]);
    expect(tree.files.map((file) => file.path)).toEqual(["app.ts", "data.ts"]);
    expect(tree.folders[0]?.name).toBe("routes");
    expect(tree.folders[0]?.files.map((file) => file.path)).toEqual(["routes/users.ts"]);
    expect(tree.folders[0]?.folders[0]?.path).toBe("routes/admin");
  });
});
