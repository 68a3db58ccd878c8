import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { secureFilename } from "../../../framework/src/security";

describe("secureFilename: Werkzeug's tests/test_utils.py and docstring", () => {
  it.each([
    ["My cool movie.mov", "My_cool_movie.mov"],
    ["../../../etc/passwd", "etc_passwd"],
    ["i contain cool \xfcml\xe4uts.txt", "i_contain_cool_umlauts.txt"],
    ["__filename__", "filename"],
    ["foo$&^*)bar", "foobar"],
  ])("test_secure_filename: %j -> %j", (name, expected) => {
    expect(secureFilename(name)).toBe(expected);
  });
});

describe("secureFilename: Windows rules on every OS, as Werkzeug applies them on Windows", () => {
  it.each([
    ["..\\..\\windows\\win.ini", "windows_win.ini"],
    ["C:\\Users\\ada\\report.pdf", "C_Users_ada_report.pdf"],
    ["CON", "_CON"],
    ["con.txt", "_con.txt"],
    ["LPT1.log", "_LPT1.log"],
    ["COM\u00b9.txt", "_COM1.txt"], // NFKD makes the superscript a digit
    ["nul.tar.gz", "_nul.tar.gz"],
    ["CONSOLE.txt", "CONSOLE.txt"],
  ])("%j -> %j", (name, expected) => {
    expect(secureFilename(name)).toBe(expected);
  });
});

describe("secureFilename: traversal and header-breaking names", () => {
  it.each([
    ["..", ""],
    ["../", ""],
    ["/etc/passwd", "etc_passwd"],
    ["%2e%2e%2fsecret", "2e2e2fsecret"],
    ["..%2f..%2fapp.ts", "2f..2fapp.ts"],
    ["a\u0000b.txt", "ab.txt"],
    ['evil".html; filename=x.exe', "evil.html_filenamex.exe"],
    ["line\r\nSet-Cookie: a=b", "line_Set-Cookie_ab"],
    [".htaccess", "htaccess"],
    ["\u0444\u0430\u0439\u043b", ""],
    ["", ""],
  ])("%j -> %j", (name, expected) => {
    expect(secureFilename(name)).toBe(expected);
  });

  it("refuses what is not a string with a clear error", () => {
    expect(() => secureFilename(undefined as unknown as string)).toThrow(/takes a string, got undefined/);
    expect(() => secureFilename(null as unknown as string)).toThrow(/got null/);
  });
});

const PIECES = ["..", ".", "/", "\\", "_", " ", "\t", "a", "B", "CON", "nul", "com1", ".txt", "%2e", "\u0000", "C:", "é", "ß", "\u00b9", '"', ";", "\u3000", "\u202e"];
const anyName = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => parts.join("")),
);

describe("secureFilename: properties", () => {
  it("gives only letters, digits, _ . -, never a leading dot, a separator or a device name", () => {
    fc.assert(
      fc.property(anyName, (name) => {
        const safe = secureFilename(name);
        expect(safe).toMatch(/^[A-Za-z0-9_.-]*$/);
        expect(safe.startsWith(".")).toBe(false);
        expect(safe.endsWith(".")).toBe(false);
        expect(["CON", "PRN", "AUX", "NUL"].includes(safe.split(".")[0]!.toUpperCase())).toBe(false);
        expect(/^(COM|LPT)\d$/i.test(safe.split(".")[0]!)).toBe(false);
        expect(secureFilename(safe)).toBe(safe);
      }),
      { numRuns: 2000 },
    );
  });
});

const PYTHON = "/usr/bin/python3";
const SCRIPT = fileURLToPath(new URL("./fixtures/werkzeug_secure_filename.py", import.meta.url));

function werkzeugAvailable(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  const probe = spawnSync(PYTHON, ["-c", "import werkzeug.utils"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : "Werkzeug is not installed for it";
}

const missing = werkzeugAvailable();
if (missing) console.warn(`[secure-filename] Werkzeug comparison skipped: ${missing}; apt-get install python3-werkzeug`);

describe.skipIf(missing !== undefined)(`secureFilename against real Werkzeug${missing ? ` (SKIPPED: ${missing})` : ""}`, () => {
  it("gives what Werkzeug's secure_filename gives on Windows, for 3000 generated names", () => {
    const names = fc.sample(anyName, { numRuns: 3000, seed: 14 });
    const result = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(names), encoding: "utf8" });
    expect(result.stderr).toBe("");
    const expected = JSON.parse(result.stdout) as string[];
    const mismatches = names.map((name, i) => ({ name, vial: secureFilename(name), werkzeug: expected[i] })).filter((row) => row.vial !== row.werkzeug);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
