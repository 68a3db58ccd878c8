import { describe, expect, it } from "vitest";
import { parentOf, toFileSystemTree } from "../../../sandbox/engines/webcontainer/file-tree";

describe("toFileSystemTree", () => {
  it("nests paths into the folders WebContainer.mount() takes, keeping bytes as bytes", () => {
    const bytes = new Uint8Array([1, 2]);
    expect(toFileSystemTree({ "app.ts": "a", "routes/users.ts": "u", "routes/admin/index.ts": "i", ".vial/runtime.mjs": bytes })).toEqual({
      "app.ts": { file: { contents: "a" } },
      routes: { directory: { "users.ts": { file: { contents: "u" } }, admin: { directory: { "index.ts": { file: { contents: "i" } } } } } },
      ".vial": { directory: { "runtime.mjs": { file: { contents: bytes } } } },
    });
  });

  it("refuses a path that needs a file to be a folder, or the other way round", () => {
    expect(() => toFileSystemTree({ routes: "x", "routes/users.ts": "u" })).toThrow(/routes to be a folder/);
    expect(() => toFileSystemTree({ "routes/users.ts": "u", routes: "x" })).toThrow(/is a folder already/);
  });
});

describe("parentOf", () => {
  it("gives the folder of a path, or nothing at the root", () => {
    expect(parentOf("routes/admin/index.ts")).toBe("routes/admin");
    expect(parentOf("app.ts")).toBe("");
  });
});
