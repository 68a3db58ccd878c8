/**
 * The security lessons teach apps to forbid framing (`frame-ancestors 'none'`,
 * `X-Frame-Options: DENY`), and the preview is a frame: obeyed, those headers leave it blank.
 * The preview is on the course site's own origin, sandboxed into an opaque one, where framing
 * cannot be abused, so it lifts exactly those two refusals and, on an HTML page, says so with a
 * note at the top: the learner sees the app, and learns that the refusal is right.
 */

/** The attribute that marks the note, for the site's styles and for tests. */
export const FRAMING_NOTE_ATTRIBUTE = "data-preview-framing-note";

/**
 * The headers without the app's framing refusals, and what those refusals were (for the note).
 *
 * @example
 * liftFramingRefusal([["X-Frame-Options", "DENY"], ["Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"]]);
 * // { headers: [["Content-Security-Policy", "default-src 'self'"]], refused: ["X-Frame-Options: DENY", "frame-ancestors 'none'"] }
 */
export function liftFramingRefusal(headers: [string, string][]): { headers: [string, string][]; refused: string[] } {
  const refused: string[] = [];
  const kept: [string, string][] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (lower === "x-frame-options") {
      refused.push(`X-Frame-Options: ${value}`);
      continue;
    }
    if (lower !== "content-security-policy") {
      kept.push([name, value]);
      continue;
    }
    const directives = value.split(";").map((directive) => directive.trim()).filter(Boolean);
    const framing = directives.filter((directive) => /^frame-ancestors(\s|$)/i.test(directive));
    refused.push(...framing);
    const rest = directives.filter((directive) => !framing.includes(directive));
    if (rest.length > 0) kept.push([name, framing.length > 0 ? rest.join("; ") : value]);
  }
  return { headers: kept, refused };
}

/**
 * `html` with a note about the lifted refusals right after its `<body>` tag (or first, when it
 * has none).
 *
 * @example
 * withFramingNote("<body><h1>Hi</h1></body>", ["X-Frame-Options: DENY"]);
 */
export function withFramingNote(html: string, refused: string[]): string {
  const what = refused.map(escapeText).join(" and ");
  const note = `<p role="note" ${FRAMING_NOTE_ATTRIBUTE}>Preview note: this app forbids being shown in a frame (${what}), and that is right: it stops another site from framing its pages under a decoy to steal clicks (clickjacking). The course preview lifts the refusal for itself only; browsers keep it everywhere else.</p>`;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return note + html;
  const end = body.index + body[0].length;
  return html.slice(0, end) + note + html.slice(end);
}

function escapeText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
