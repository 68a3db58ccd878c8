/**
 * Renders a tagged template: the fixed strings as written, each hole escaped for the place the
 * analyser found it in.
 */

import { assertTrusted, checkUrl, isRefusingAttribute, renderTagHole } from "./attributes.ts";
import { analyseTemplate, type AttributeHole, type Hole } from "./context.ts";
import { escapeHtml, escapeUnquotedAttribute } from "./escape.ts";
import { isUrlAttribute } from "./url.ts";
import { joinParts, toParts, type Part, type Where } from "./values.ts";

/**
 * What is known of the URL attribute being written: its value so far, as it will read, and whether
 * a hole in it was already refused (then later holes of that value add nothing).
 */
interface UrlProgress {
  attributeId: number;
  text: string;
  refused: boolean;
}

/** Renders the markup of `strings` with `values` interpolated. */
export function renderTemplate(strings: TemplateStringsArray, values: readonly unknown[]): string {
  const holes = analyseTemplate(strings);
  const url: UrlProgress = { attributeId: -1, text: "", refused: false };
  let out = strings[0] ?? "";
  for (let index = 0; index < values.length; index++) {
    const hole = holes[index];
    if (hole === undefined) throw new TypeError("html: more values than holes; call html only as a tagged template");
    const where: Where = () => `hole ${index + 1} (after ${JSON.stringify(hole.before)})`;
    out += renderHole(values[index], hole, where, url) + (strings[index + 1] ?? "");
  }
  return out;
}

function renderHole(value: unknown, hole: Hole, where: Where, url: UrlProgress): string {
  switch (hole.kind) {
    case "text":
      return joinParts(toParts(value, "", where), escapeHtml);
    case "tag":
      return renderTagHole(value, hole.tag, where, hole.spaced);
    case "attribute":
      return renderAttributeHole(value, hole, where, url);
    case "raw-text": {
      const parts = toParts(value, "", where);
      if (parts.every((part) => part.trusted)) return joinParts(parts, escapeHtml);
      throw new TypeError(
        `html: refusing to interpolate into <${hole.tag}> at ${where()}: HTML escaping does not make text safe inside ${hole.tag === "script" ? "JavaScript" : "CSS"}. ` +
          "Put data in a data- attribute (or an element's text) and read it from the script, or wrap code you wrote yourself in raw().",
      );
    }
    case "name":
      throw new TypeError(
        `html: a tag or attribute name cannot be interpolated (${where()}). Write tag names in the template; ` +
          "for attributes chosen at run time pass an object between attributes: <input ${{ [name]: value }}>",
      );
  }
}

function renderAttributeHole(value: unknown, hole: AttributeHole, where: Where, url: UrlProgress): string {
  let parts: readonly Part[] = toParts(value, " ", where);
  if (isRefusingAttribute(hole.name)) assertTrusted(hole.name, parts, where);
  if (isUrlAttribute(hole.name, hole.tag)) {
    if (url.attributeId !== hole.attributeId) Object.assign(url, { attributeId: hole.attributeId, text: "", refused: false });
    if (url.refused) return "";
    url.text += hole.valueBefore;
    const checked = checkUrl(parts, url.text + parts.map((part) => part.text).join("") + hole.valueAfter);
    parts = checked.parts;
    url.refused = checked.refused;
    url.text += parts.map((part) => part.text).join("");
  }
  const rendered = joinParts(parts, hole.quote === "" ? escapeUnquotedAttribute : escapeHtml);
  return rendered === "" && hole.emptyNeedsQuotes ? '""' : rendered;
}
