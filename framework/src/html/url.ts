/**
 * URL checks for attributes that browsers load or navigate to (`href`, `src`, ...). Escaping keeps
 * a value inside its attribute but does nothing about `javascript:alert(1)`, which is harmless
 * text and a working script once clicked. So a value that decides a URL's scheme must name a
 * scheme on a short allowlist, or no scheme at all (a relative URL).
 */

/** What a refused URL renders as: inert, and searchable when someone wonders where a link went. */
export const UNSAFE_URL = "about:invalid#vial-unsafe-url";

/** Attributes whose value is a URL, by lower-case name. `data` only counts on `<object>`. */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "poster",
  "cite",
  "background",
  "codebase",
  "longdesc",
  "manifest",
  "usemap",
]);

/** Tells whether `name` on `<tag>` holds a URL (both names lower-case). */
export function isUrlAttribute(name: string, tag: string): boolean {
  return URL_ATTRIBUTES.has(name) || (name === "data" && tag === "object");
}

const SAFE_SCHEMES = new Set(["http", "https", "mailto", "tel", "sms", "ftp"]);
// Raster images only: an SVG can carry script when opened on its own.
const SAFE_DATA_URL = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp)[;,]/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Browsers drop leading C0 controls and spaces and every tab and newline before reading the
// scheme; we drop those and also every other control, format or space character, anywhere, so a
// value passes only if no reading of it could start with a dangerous scheme.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const IGNORABLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;

const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  colon: ":",
  tab: "\t",
  newline: "\n",
  sol: "/",
  quest: "?",
  num: "#",
  period: ".",
  plus: "+",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
};
const REFERENCE = /&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));?/gi;

/** Decodes character references the way an attribute value would be decoded (near enough to err safe). */
function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_REFERENCES[name.toLowerCase()] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? "", 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  });
}

/**
 * Tells whether a URL attribute whose value reads `url` is safe to render: relative, or with an
 * allowlisted scheme (`http`, `https`, `mailto`, `tel`, `sms`, `ftp`, raster `data:image/...`).
 */
export function isSafeUrl(url: string): boolean {
  let text = url;
  // Decode repeatedly: stricter than a browser (which decodes once), never looser.
  for (let i = 0; i < 3; i++) {
    const decoded = decodeReferences(text);
    if (decoded === text) break;
    text = decoded;
  }
  text = text.replace(IGNORABLE, "");
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return true;
  if (SAFE_SCHEMES.has(scheme)) return true;
  return scheme === "data" && SAFE_DATA_URL.test(text);
}
