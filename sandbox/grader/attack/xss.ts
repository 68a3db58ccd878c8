/**
 * The XSS battery: payloads for every HTML context a value can land in, each carrying its own
 * random marker, sent through one injection point and judged with a real HTML parser.
 */
import type { CheckResponse } from "../http";
import { finding, quote, type Finding } from "./finding";
import { injectionsIn } from "./html-judge";
import type { Random } from "./random";

/** Where in a page a value can end up; each has payloads written to break out of it. */
export type HtmlContext = "text" | "attribute" | "url" | "script";

export const HTML_CONTEXTS: readonly HtmlContext[] = ["text", "attribute", "url", "script"];

/** Payload templates by context; `§` is replaced by the payload's marker (a JS identifier). */
const BATTERY: Record<HtmlContext, readonly string[]> = {
  text: [
    "<img src=x onerror=§()>",
    "<svg onload=§()>",
    "<§>injected element</§>",
    "<script>§()</script>",
    "<b onmouseover=§()>bold</b>",
    "<<b>img src=x onerror=§()//",
    "<IMG SRC=x ONERROR=§()>",
  ],
  attribute: [
    '" onmouseover="§()',
    "' onmouseover='§()",
    "x onmouseover=§()",
    '"><img src=x onerror=§()>',
    "'><img src=x onerror=§()>",
    '" autofocus onfocus="§()" x="',
  ],
  url: [
    "javascript:§()",
    "JaVaScRiPt:§()",
    "java\tscript:§()",
    " javascript:§()",
    "\u0001javascript:§()",
    "javascript&colon;§()",
    "&#106;avascript:§()",
    "vbscript:§()",
    "data:text/html,<script>§()</script>",
  ],
  script: [
    "</script><script>§()</script>",
    "</SCRIPT ><script>§()</script>",
    '"-§()-"',
    "'-§()-'",
    "`-§()-`",
    "\\\"-§()//",
  ],
};

/** What the XSS probe needs: a way to put a payload in and get back the page that shows it. */
export interface XssOptions {
  /** Sends `payload` through the input under test and returns the response showing it. */
  send(payload: string): Promise<CheckResponse>;
  /** Names the input in findings: `the name field of POST /messages, shown on GET /`. */
  input: string;
  /** The contexts to try; all of them by default. */
  contexts?: readonly HtmlContext[];
}

/** One payload of the battery, with the marker that identifies it in the page. */
export interface XssPayload {
  context: HtmlContext;
  marker: string;
  payload: string;
}

/**
 * The battery's payloads for `contexts`, each with a fresh marker from `random`.
 *
 * @example
 * xssPayloads(createRandom("s1"), ["text"])[0] // { context: "text", marker: "qk3v...", payload: "<img src=x onerror=qk3v...()>" }
 */
export function xssPayloads(random: Random, contexts: readonly HtmlContext[] = HTML_CONTEXTS): XssPayload[] {
  return contexts.flatMap((context) =>
    BATTERY[context].map((template) => {
      const marker = `x${random.word(7)}`;
      return { context, marker, payload: template.replaceAll("§", marker) };
    }),
  );
}

/**
 * Whether a browser would parse the response as markup: no Content-Type (it sniffs), HTML, XHTML
 * or SVG. A `text/plain` or JSON answer shows a payload as text however it is written.
 */
function rendersAsMarkup(headers: Headers): boolean {
  const type = (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "" || type === "text/html" || type === "application/xhtml+xml" || type === "image/svg+xml";
}

/**
 * Sends every payload of the battery through `options.send` and reports each one the page turned
 * into markup or code.
 *
 * @example
 * const client = http(app);
 * const findings = await attack.xss({
 *   input: "the name field of POST /messages, shown on GET /",
 *   send: async (payload) => { await client.post("/messages", { form: { name: payload, text: "hi" } }); return client.get("/"); },
 * });
 * expect(findings, "XSS through the guestbook's name").toHaveNoFindings();
 */
export async function probeXss(random: Random, options: XssOptions): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const { context, marker, payload } of xssPayloads(random, options.contexts)) {
    const response = await options.send(payload);
    if (!rendersAsMarkup(response.headers)) continue;
    for (const injection of injectionsIn(response.text, marker)) {
      found.push(finding("xss", `sent ${quote(payload)} (a ${context}-context payload) as ${options.input}; the page came back with ${injection.what}: ${injection.snippet}`));
    }
  }
  return found;
}
