/**
 * Judges HTML the way a browser reads it: parsed by parse5 (the WHATWG parsing algorithm), then
 * searched for what an injected payload would have become: an element, an event handler
 * attribute, a script URL, or code inside a script. Text that merely looks like markup, such as
 * an escaped `&lt;img onerror=...&gt;`, is text to the parser and is never reported.
 */
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";
import { cut } from "../format";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Something in a page that carries the marker where it could run. */
export interface Injection {
  /** What it is, in words: `an onerror handler on <img>`. */
  what: string;
  /** The element's start tag as the parser saw it, shortened. */
  snippet: string;
}

/** Attributes whose value a browser follows as a URL (navigation, loading or form submission). */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "codebase", "cite", "ping"]);

/** URL schemes that run code, or show attacker HTML, in the page's origin or a new one. */
const SCRIPT_SCHEMES = new Set(["javascript", "vbscript", "data"]);

/** Script types a browser executes (anything else, such as application/json, is data). */
const SCRIPT_TYPES = /^(|text\/javascript|application\/javascript|module|text\/ecmascript|application\/ecmascript)$/i;

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function childrenOf(node: Node): Node[] {
  const children: Node[] = "childNodes" in node ? [...node.childNodes] : [];
  if (isElement(node) && node.tagName === "template" && "content" in node) children.push(...(node as DefaultTreeAdapterTypes.Template).content.childNodes);
  return children;
}

function startTag(element: Element): string {
  const attributes = element.attrs.map((attribute) => ` ${attribute.name}="${attribute.value.replaceAll('"', "&quot;")}"`).join("");
  return cut(`<${element.tagName}${attributes}>`, 200);
}

function textOf(element: Element): string {
  return element.childNodes.map((child) => ("value" in child && child.nodeName === "#text" ? child.value : "")).join("");
}

/**
 * The scheme a browser would see in a URL attribute: it drops leading and trailing control
 * characters and spaces, and every tab and newline anywhere, so `java\tscript:` is `javascript:`.
 *
 * @example
 * urlScheme(" java\tscript:alert(1)") // "javascript"
 */
export function urlScheme(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return match?.[1]!.toLowerCase();
}

/**
 * Whether `marker` occurs in `code` outside string literals and comments, i.e. as code that
 * runs. A JSON value written into a script with proper escaping keeps the marker in a string.
 *
 * @example
 * markerInCode('const a = "x-mk()";', "mk")   // false
 * markerInCode('const a = "x"-mk()-"";', "mk") // true
 */
export function markerInCode(code: string, marker: string): boolean {
  let quote: string | undefined;
  let comment: "line" | "block" | undefined;
  for (let i = 0; i < code.length; i++) {
    const char = code[i]!;
    if (comment === "line") {
      if (char === "\n" || char === "\u2028" || char === "\u2029") comment = undefined;
    } else if (comment === "block") {
      if (char === "*" && code[i + 1] === "/") {
        comment = undefined;
        i++;
      }
    } else if (quote) {
      if (char === "\\") i++;
      else if (char === quote) quote = undefined;
      else if (char === "\n" && quote !== "`") quote = undefined;
    } else if (char === '"' || char === "'" || char === "`") {
      quote = char;
    } else if (char === "/" && code[i + 1] === "/") {
      comment = "line";
    } else if (char === "/" && code[i + 1] === "*") {
      comment = "block";
    } else if (code.startsWith(marker, i)) {
      return true;
    }
  }
  return false;
}

function judgeElement(element: Element, marker: string): Injection[] {
  const found: Injection[] = [];
  const snippet = startTag(element);
  if (element.tagName === marker) found.push({ what: `an element <${element.tagName}> made from the input`, snippet });
  for (const { name, value } of element.attrs) {
    if (!value.includes(marker) && !name.includes(marker)) continue;
    if (name.startsWith("on")) found.push({ what: `an event handler attribute ${name}= on <${element.tagName}>`, snippet });
    else if (name.includes(marker)) found.push({ what: `an attribute ${name} on <${element.tagName}> made from the input`, snippet });
    else if (URL_ATTRIBUTES.has(name) && SCRIPT_SCHEMES.has(urlScheme(value) ?? "")) {
      found.push({ what: `a ${urlScheme(value)}: URL in the ${name} of <${element.tagName}>`, snippet });
    } else if (name === "srcdoc") {
      found.push({ what: `the input inside the srcdoc attribute of <${element.tagName}>`, snippet });
    }
  }
  if (element.tagName === "script" && SCRIPT_TYPES.test(element.attrs.find((a) => a.name === "type")?.value.trim() ?? "")) {
    const code = textOf(element);
    if (markerInCode(code, marker)) found.push({ what: "the input running as code inside a <script>", snippet: cut(`<script>${code.trim()}</script>`, 200) });
  }
  return found;
}

/**
 * Every place in `html` where `marker` ended up able to run: injected elements, event handler
 * attributes, `javascript:`-like URLs, and code in scripts.
 *
 * @example
 * injectionsIn('<p><img src=x onerror="mk1()"></p>', "mk1")
 * // [{ what: "an event handler attribute onerror= on <img>", snippet: '<img src="x" onerror="mk1()">' }]
 * injectionsIn("<p>&lt;img src=x onerror=mk1()&gt;</p>", "mk1") // []
 */
export function injectionsIn(html: string, marker: string): Injection[] {
  const found: Injection[] = [];
  const pending: Node[] = [parse(html)];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (isElement(node)) found.push(...judgeElement(node, marker));
    pending.push(...childrenOf(node));
  }
  return found;
}
