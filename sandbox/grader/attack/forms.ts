/**
 * Route discovery by request, for when the app's URL map cannot be read (an app behind a message
 * channel): the forms a browser would submit, found by parsing the pages a visitor sees.
 */
import { parse } from "parse5";
import type { DefaultTreeAdapterTypes } from "parse5";

type Node = DefaultTreeAdapterTypes.Node;

/** A form's target: its method (upper-case) and the path it posts to. */
export interface FormTarget {
  method: string;
  path: string;
}

function walk(node: Node, visit: (element: DefaultTreeAdapterTypes.Element) => void): void {
  if ("tagName" in node) visit(node);
  if ("childNodes" in node) for (const child of node.childNodes) walk(child, visit);
}

const attribute = (element: DefaultTreeAdapterTypes.Element, name: string) => element.attrs.find((a) => a.name === name)?.value;

/**
 * The same-site forms and links of a page at `pagePath`: form targets (POST forms only; a GET
 * form changes nothing) and the paths of same-site links.
 *
 * @example
 * formsAndLinks('<form method="post" action="/login"></form><a href="/about">', "/")
 * // { forms: [{ method: "POST", path: "/login" }], links: ["/about"] }
 */
export function formsAndLinks(html: string, pagePath: string): { forms: FormTarget[]; links: string[] } {
  const base = new URL(pagePath, "http://localhost");
  const local = (href: string | undefined) => {
    try {
      const url = new URL(href ?? "", base);
      return url.origin === base.origin ? url.pathname + url.search : undefined;
    } catch {
      return undefined;
    }
  };
  const forms: FormTarget[] = [];
  const links: string[] = [];
  walk(parse(html), (element) => {
    if (element.tagName === "form" && (attribute(element, "method") ?? "get").toLowerCase() === "post") {
      const path = local(attribute(element, "action") ?? pagePath);
      if (path) forms.push({ method: "POST", path });
    }
    if (element.tagName === "a") {
      const path = local(attribute(element, "href"));
      if (path) links.push(path);
    }
  });
  return { forms, links };
}

/**
 * The value of the first `<input name="<field>">` inside a form of the page: the hidden CSRF
 * token a browser would submit with it.
 *
 * @example
 * formFieldValue('<form method="post"><input type="hidden" name="csrf_token" value="t0k"></form>', "csrf_token") // "t0k"
 */
export function formFieldValue(html: string, field: string): string | undefined {
  let value: string | undefined;
  walk(parse(html), (element) => {
    if (value !== undefined || element.tagName !== "form") return;
    walk(element, (inner) => {
      if (value === undefined && inner.tagName === "input" && attribute(inner, "name") === field) value = attribute(inner, "value");
    });
  });
  return value;
}
