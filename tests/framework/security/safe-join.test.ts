import { describe, expect, it } from "vitest";
import { safeJoin } from "../../../framework/src/security";
import { normalizePosixPath } from "../../../framework/src/security/safe-join";

describe("safeJoin: Werkzeug's tests/test_security.py", () => {
  it.each([
    ["b/c", "a/b/c"],
    ["../b/c", undefined],
    ["b\\c", undefined], // Werkzeug refuses this on Windows; Vial everywhere
    ["//b/c", undefined], // CVE-2024-49766: UNC path
  ])("test_safe_join: safeJoin('a', %j) -> %j", (path, expected) => {
    expect(safeJoin("a", path)).toBe(expected);
  });

  it("test_safe_join (older form)", () => {
    expect(safeJoin("foo", "bar/baz")).toBe("foo/bar/baz");
    expect(safeJoin("foo", "../bar/baz")).toBeUndefined();
  });

  it("test_safe_join_empty_trusted: an empty directory becomes '.'", () => {
    expect(safeJoin("", "c:test.txt")).toBe("./c:test.txt");
  });

  it.each(["CON", "CON.txt", "CON.txt.html", "CON  ", "CON . txt"])(
    "test_safe_join_windows_special: refuses %j (CVE-2025-66221), on every OS",
    (name) => {
      expect(safeJoin("a", name)).toBeUndefined();
    },
  );
});

describe("safeJoin: more traversal and Windows cases", () => {
  it("joins several segments and normalizes inside them", () => {
    expect(safeJoin("static", "css", "site.css")).toBe("static/css/site.css");
    expect(safeJoin("static", "b/../c")).toBe("static/c");
    expect(safeJoin("static", "./a//b/./c")).toBe("static/a/b/c");
    expect(safeJoin("static/", "a")).toBe("static/a");
    expect(safeJoin("/srv/www", "index.html")).toBe("/srv/www/index.html");
    expect(safeJoin("static")).toBe("static");
    expect(safeJoin("static", "")).toBe("static/");
  });

  it.each([
    [".."],
    ["../"],
    ["a/../.."],
    ["a/../../b"],
    ["/etc/passwd"],
    ["///etc/passwd"],
    ["C:/Windows/win.ini"],
    ["c:/x"],
    ["..\\x"],
    ["a\\..\\..\\x"],
    ["\\\\server\\share"],
    ["a\u0000.txt"],
    ["\u0000"],
  ])("refuses %j", (segment) => {
    expect(safeJoin("static", segment)).toBeUndefined();
  });

  it("refuses a traversal split over several segments", () => {
    expect(safeJoin("static", "a", "..")).toBeUndefined();
    expect(safeJoin("static", "a/b", "../..")).toBeUndefined();
    expect(safeJoin("static", "ok", "/abs")).toBeUndefined();
  });

  it.each(["%2e%2e", "%2E%2E/secret", "..%2f..%2fetc", "a%5c..", "a%00.txt", "%2e"])(
    "refuses double-encoded traversal %j (input is taken as already decoded once)",
    (segment) => {
      expect(safeJoin("static", segment)).toBeUndefined();
    },
  );

  it("keeps other percent signs, which are ordinary filename characters", () => {
    expect(safeJoin("static", "100%25.txt")).toBe("static/100%25.txt");
    expect(safeJoin("static", "50% off.html")).toBe("static/50% off.html");
  });

  it.each([".. /x", "a/.. /..  /x", "...", "a/.../b", " ", "a/ /b", ". ."])(
    "refuses segments of only dots and spaces, which Windows can read as '..' (%j)",
    (segment) => {
      expect(safeJoin("static", segment)).toBeUndefined();
    },
  );

  it.each([
    "b/CON", "sub/dir/con.txt", "PRN", "aux.json", "NUL.tar.gz", "COM1", "com9.log", "COM0", "LPT1", "lpt9.txt",
    "COM¹", "LPT³.txt", "CONIN$", "conout$", "CON:stream", " CON", "CON.",
  ])("refuses the Windows device name in %j (CVE-2025-66221, CVE-2026-27199)", (segment) => {
    expect(safeJoin("static", segment)).toBeUndefined();
  });

  it("allows names that only start like device names", () => {
    expect(safeJoin("static", "CONTACT.html")).toBe("static/CONTACT.html");
    expect(safeJoin("static", "console/app.js")).toBe("static/console/app.js");
    expect(safeJoin("static", "COM10")).toBe("static/COM10");
    expect(safeJoin("static", "lpt.txt")).toBe("static/lpt.txt");
    expect(safeJoin("static", "a.CON")).toBe("static/a.CON");
  });

  it("returns undefined for segments that are not strings", () => {
    expect(safeJoin("static", undefined as unknown as string)).toBeUndefined();
  });
});

describe("normalizePosixPath (Python's posixpath.normpath)", () => {
  it.each([
    ["", "."],
    [".", "."],
    ["a/./b", "a/b"],
    ["a/../b", "b"],
    ["a/..", "."],
    ["../a", "../a"],
    ["a/../../b", "../b"],
    ["/../a", "/a"],
    ["//a", "//a"],
    ["///a", "/a"],
    ["a//b/", "a/b"],
  ])("%j -> %j", (input, expected) => {
    expect(normalizePosixPath(input)).toBe(expected);
  });
});
