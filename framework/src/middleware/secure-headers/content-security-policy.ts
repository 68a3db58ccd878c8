/**
 * Content-Security-Policy: directives given as an object (camelCase or kebab-case names), merged
 * over a strict default, checked once when the middleware is made and rendered per request (only
 * the nonce changes between requests).
 */
import { NONCE } from "./nonce.ts";

/**
 * One source in a directive's list: a string such as `"'self'"` or `"https:"`, or {@link NONCE}.
 *
 * @example
 * ```ts
 * import { Vial, secureHeaders, NONCE, type CspSource } from "vial";
 *
 * const scripts: CspSource[] = ["'self'", "https://cdn.example.com", NONCE];
 * const app = new Vial();
 * app.use(secureHeaders({ contentSecurityPolicy: { scriptSrc: scripts } }));
 * // Content-Security-Policy: ...; script-src 'self' https://cdn.example.com 'nonce-…'
 * ```
 */
export type CspSource = string | typeof NONCE;

/**
 * CSP directives by name (`scriptSrc` or `"script-src"`): a list of sources, one string, `true`
 * for a directive without sources (`upgradeInsecureRequests: true`), or `false` to drop a default.
 *
 * @example
 * ```ts
 * import { Vial, secureHeaders, type ContentSecurityPolicy } from "vial";
 *
 * const policy: ContentSecurityPolicy = {
 *   imgSrc: ["'self'", "data:"],  // added to the defaults
 *   frameAncestors: false,        // a default dropped
 *   upgradeInsecureRequests: true, // a directive without sources
 * };
 * const app = new Vial();
 * app.use(secureHeaders({ contentSecurityPolicy: policy }));
 * ```
 */
export type ContentSecurityPolicy = Record<string, readonly CspSource[] | string | boolean>;

/**
 * The default policy: everything from this origin only, no plugins, no `<base>` hijacking, forms
 * post only here, framing only by this origin, and inline scripts only with this request's nonce.
 */
const DEFAULT_CSP: ContentSecurityPolicy = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'", NONCE],
};

/** A directive ready to render: its name and sources (empty for a valueless directive). */
export interface CompiledDirective {
  readonly name: string;
  readonly sources: readonly CspSource[];
}

function kebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function checkName(name: string): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new TypeError(`Invalid CSP directive name "${name}".`);
}

// Visible ASCII only, without `;` or `,`: those would end the directive or the policy early and
// let the rest of the value smuggle in another directive; spaces separate sources.
const SOURCE = /^[\x21-\x2b\x2d-\x3a\x3c-\x7e]+$/;

function checkSource(directive: string, source: CspSource): void {
  if (source === NONCE) return;
  if (typeof source !== "string" || !SOURCE.test(source)) {
    throw new TypeError(`Invalid source ${JSON.stringify(source)} in CSP directive "${directive}".`);
  }
}

// Array.isArray narrows to any[]; this keeps the element type.
const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);

function toSources(name: string, value: readonly CspSource[] | string | true): readonly CspSource[] {
  if (value === true) return [];
  const sources = typeof value === "string" ? value.trim().split(/\s+/).filter(Boolean) : value;
  // Typed, but options can come from plain JavaScript: checked at run time too.
  if (!isList(sources)) throw new TypeError(`CSP directive "${name}" needs a list of sources, a string, true or false.`);
  for (const source of sources) checkSource(name, source);
  return sources;
}

/**
 * Merges `policy` over `base` (a directive set to `false` is removed) and checks every name and
 * source, so a mistake fails at startup rather than sending a broken header.
 * `compilePolicy({ imgSrc: ["'self'", "data:"] })` is the defaults plus `img-src`.
 */
export function compilePolicy(policy: ContentSecurityPolicy, base: ContentSecurityPolicy = DEFAULT_CSP): CompiledDirective[] {
  const merged = new Map<string, readonly CspSource[] | string | boolean>();
  for (const [key, value] of [...Object.entries(base), ...Object.entries(policy)]) {
    const name = kebabCase(key);
    checkName(name);
    merged.set(name, value);
  }
  const directives: CompiledDirective[] = [];
  for (const [name, value] of merged) {
    if (value === false) continue;
    directives.push({ name, sources: toSources(name, value) });
  }
  return directives;
}

/** Whether the policy mentions the nonce (so a nonce must be made for the request). */
export function usesNonce(directives: readonly CompiledDirective[]): boolean {
  return directives.some((directive) => directive.sources.includes(NONCE));
}

/** The header value, with `nonce` standing in for {@link NONCE}. */
export function renderPolicy(directives: readonly CompiledDirective[], nonce: string | undefined): string {
  return directives
    .map(({ name, sources }) => {
      const values = sources.map((source) => (source === NONCE ? `'nonce-${nonce}'` : source));
      return values.length ? `${name} ${values.join(" ")}` : name;
    })
    .join("; ");
}
