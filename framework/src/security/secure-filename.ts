/**
 * `secureFilename`, Werkzeug's `secure_filename` made OS-independent: a name a client sent with
 * an upload becomes one that is safe to store, to put in a path and to send back in a header.
 * Both separators (`/` and `\`) and Windows device names are handled on every OS, because where
 * an app runs today is not where it runs tomorrow. Pure string logic: it never touches a file system.
 */

/** Werkzeug's `_windows_device_files`: `CON`, even as `CON.txt`, opens a device on Windows. */
const WINDOWS_DEVICE_NAMES = new Set([
  "CON",
  "PRN",
  "AUX",
  "NUL",
  ...Array.from({ length: 10 }, (_, i) => `COM${i}`),
  ...Array.from({ length: 10 }, (_, i) => `LPT${i}`),
]);

/** Python's `str.split()` whitespace within ASCII, so runs of it become one `_` as upstream. */
// eslint-disable-next-line no-control-regex -- Python also splits on the separators \x1c-\x1f
const ASCII_WHITESPACE = /[\t\n\v\f\r \x1c-\x1f]+/;

/**
 * Turns a client's file name into a safe one: Unicode folded to ASCII (`ü` → `u`, other
 * characters dropped), path separators and whitespace runs made `_`, everything but letters,
 * digits, `_`, `.` and `-` removed, leading and trailing dots and underscores stripped, and a
 * Windows device name (`CON`, `nul.txt`, `LPT1.log`) prefixed with `_`. No result can hold a
 * separator, a NUL byte, a `%`, a quote or a leading dot, so `..`, `../x`, `..\x`, `%2e%2e%2f`,
 * `/etc/passwd` and `C:\x` all become plain names.
 *
 * The result may be `""` (a name of only dots, symbols or non-Latin letters): choose a name of
 * your own then. It is not unique either: two uploads of `photo.png` get the same name, so store
 * files under a key you generate and keep this name for display and downloads.
 *
 * @example
 * ```ts
 * import { secureFilename } from "vial";
 *
 * secureFilename("My cool movie.mov");   // "My_cool_movie.mov"
 * secureFilename("../../../etc/passwd"); // "etc_passwd"
 * secureFilename("..\\..\\boot.ini");    // "boot.ini"
 * secureFilename("CON.txt");             // "_CON.txt"
 * secureFilename("файл.txt");            // "txt": choose a fallback for names that lose their stem
 * ```
 */
export function secureFilename(filename: string): string {
  if (typeof filename !== "string") throw new TypeError(`secureFilename takes a string, got ${filename === null ? "null" : typeof filename}`);
  const ascii = filename.normalize("NFKD").replace(/[^\p{ASCII}]/gu, "");
  const name = ascii
    .replace(/[/\\]/g, " ")
    .split(ASCII_WHITESPACE)
    .filter((word) => word !== "")
    .join("_")
    .replace(/[^A-Za-z0-9_.-]/g, "")
    .replace(/^[._]+|[._]+$/g, "");
  return name !== "" && WINDOWS_DEVICE_NAMES.has(name.split(".")[0]!.toUpperCase()) ? `_${name}` : name;
}
