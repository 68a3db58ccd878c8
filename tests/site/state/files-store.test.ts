import { describe, expect, it } from "vitest";
import { activateFile, closeFile, editFile, openLessonFiles, replaceFiles, sortPaths } from "../../../site/state/files-store";

describe("files store transitions", () => {
  const opened = openLessonFiles("a/b", { "data.ts": "d", "app.ts": "a", "routes/x.ts": "x" }, "app.ts");

  it("opens every file in a tab with the focus file active", () => {
    expect(opened.open).toEqual(["app.ts", "data.ts", "routes/x.ts"]);
    expect(opened.active).toBe("app.ts");
    expect(opened.save).toBe("saved");
  });

  it("falls back to the first file when the focus file is missing", () => {
    expect(openLessonFiles("a/b", { "z.ts": "" }, "app.ts").active).toBe("z.ts");
  });

  it("marks an edit unsaved, and ignores an edit that changes nothing", () => {
    const edited = editFile(opened, "app.ts", "changed");
    expect(edited.files["app.ts"]).toBe("changed");
    expect(edited.save).toBe("unsaved");
    expect(editFile(opened, "app.ts", "a")).toBe(opened);
  });

  it("keeps surviving tabs when every file is replaced", () => {
    const replaced = replaceFiles(activateFile(opened, "data.ts"), { "app.ts": "new", "extra.ts": "" });
    expect(replaced.open).toEqual(["app.ts", "extra.ts"]);
    expect(replaced.active).toBe("app.ts");
  });

  it("closes a tab and activates its neighbour, but never the last tab", () => {
    const closed = closeFile(activateFile(opened, "data.ts"), "data.ts");
    expect(closed.open).toEqual(["app.ts", "routes/x.ts"]);
    expect(closed.active).toBe("app.ts");
    const single = openLessonFiles("a/b", { "app.ts": "" }, "app.ts");
    expect(closeFile(single, "app.ts")).toBe(single);
  });

  it("sorts root files before nested ones", () => {
    expect(sortPaths(["routes/a.ts", "b.ts", "a.ts"])).toEqual(["a.ts", "b.ts", "routes/a.ts"]);
  });
});
