/**
 * `safeJoin`, Werkzeug's `safe_join` made OS-independent: a Vial app may be served from Linux
 * today and Windows tomorrow, so Windows' rules (backslashes, drive letters, device names, trailing
 * dots and spaces) are applied everywhere. Pure string logic: it never touches a file system.
 */

/** Reserved DOS device names: opening `CON`, even as `CON.txt` or `b/CON`, hangs on Windows. */
const WINDOWS_DEVICE_NAMES = new Set([
  "CON",
  "PRN",
  "AUX",
  "NUL",
  "CONIN$",
  "CONOUT$",
  ...Array.from({ length: 10 }, (_, i) => `COM${i}`),
  ...Array.from({ length: 10 }, (_, i) => `LPT${i}`),
  ..."¹²³".split("").flatMap((digit) => [`COM${digit}`, `LPT${digit}`]),
]);

/**
 * Percent-encoded dot, slash, backslash or NUL. Inputs are taken as already decoded, so these can
 * only come from double encoding; refusing them keeps a second decode elsewhere from turning
 * `%2e%2e` into `..`.
 */
const ENCODED_TRAVERSAL = /%(?:2e|2f|5c|00)/i;

/**
 * Python's `posixpath.normpath`: drops `.` and empty segments, resolves `..` where it can.
 *
 * @example
 * ```ts
 * normalizePosixPath("a/./b/../c"); // "a/c"
 * normalizePosixPath("../a");       // "../a"
 * ```
 */
export function normalizePosixPath(path: string): string {
  if (path === "") return ".";
  let leadingSlashes = path.startsWith("/") ? 1 : 0;
  if (path.startsWith("//") && !path.startsWith("///")) leadingSlashes = 2;
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    const last = segments[segments.length - 1];
    if (segment !== ".." || (leadingSlashes === 0 && segments.length === 0) || last === "..") {
      segments.push(segment);
    } else if (segments.length > 0) {
      segments.pop();
    }
  }
  return "/".repeat(leadingSlashes) + segments.join("/") || ".";
}

function isWindowsDeviceName(segment: string): boolean {
  const stem = segment.split(".")[0]!.split(":")[0]!.trim().toUpperCase();
  return WINDOWS_DEVICE_NAMES.has(stem);
}

/** Windows strips trailing dots and spaces, so `.. ` and `...` can act as `..` or `.` there. */
function isDotsAndSpaces(segment: string): boolean {
  return /^[. ]+$/.test(segment);
}

function isUnsafe(raw: string, filename: string): boolean {
  return (
    raw.includes("\0") ||
    raw.includes("\\") ||
    ENCODED_TRAVERSAL.test(raw) ||
    filename.startsWith("/") ||
    /^[A-Za-z]:\//.test(filename) ||
    filename === ".." ||
    filename.startsWith("../") ||
    filename.split("/").some((segment) => isDotsAndSpaces(segment) || isWindowsDeviceName(segment))
  );
}

/**
 * Joins untrusted path segments onto a trusted directory, or returns `undefined` when the result
 * could escape it or misbehave on some OS: `..` that climbs out, absolute paths (`/x`, `//host/x`,
 * `C:/x`), backslashes, NUL bytes, percent-encoded `.`/`/`/`\`/NUL (double encoding), segments of
 * only dots and spaces, and Windows device names (`CON`, `con.txt`, `b/LPT1`, `AUX .txt`).
 * Segments are normalized like Python's `posixpath.normpath`; `..` inside a segment that stays
 * within it is allowed (`b/../c` → `c`). An empty directory means `"."`, so the first untrusted
 * segment can never become the root. Treat `undefined` as 404.
 *
 * @example
 * ```ts
 * safeJoin("static", "css/site.css");   // "static/css/site.css"
 * safeJoin("static", "../secrets.txt"); // undefined
 * safeJoin("static", "CON.txt");        // undefined
 * ```
 */
export function safeJoin(directory: string, ...pathnames: string[]): string | undefined {
  let path = directory || ".";
  for (const raw of pathnames) {
    if (typeof raw !== "string") return undefined;
    const filename = raw === "" ? "" : normalizePosixPath(raw);
    if (isUnsafe(raw, filename)) return undefined;
    path = path.endsWith("/") ? path + filename : `${path}/${filename}`;
  }
  return path;
}
