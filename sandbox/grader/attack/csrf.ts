/**
 * CSRF on every unsafe route: each POST/PUT/PATCH/DELETE route of the app's URL map is sent a
 * request from a visitor with a session but without a token, and one that carries a valid token
 * but comes from another site. Both must be refused before the handler runs.
 */
import type { CheckRequestInit, CheckResponse, HttpClient } from "../http";
import { finding, type Finding } from "./finding";
import { formsAndLinks } from "./forms";
import { routesOf, unsafeRequests } from "./routes";

/** What the CSRF probe needs beyond the app. */
export interface CsrfOptions {
  /** A page that starts a session (and has a form with a token); default "/". */
  visit?: string;
  /** Reads a valid token from what `visit` answered; without it only token-less requests are sent. */
  token?(page: CheckResponse): string | undefined;
  /** The form field carrying the token; default `csrf_token`. */
  field?: string;
  /** A form body per route rule (`"/login"`), so the request would succeed with a token; default `{}`. */
  bodies?: Record<string, Record<string, string>>;
  /** Statuses that count as refused; default [403]. */
  refused?: number[];
  /** Routes to try instead of the app's URL map: `"POST /messages"`. */
  routes?: string[];
}

/**
 * The POST forms on `visit` and on the same-site pages it links to: what a browser can submit,
 * found by request, so the probe works when the URL map cannot be read.
 */
async function discoverForms(client: HttpClient, visit: string): Promise<{ method: string; path: string; rule: string }[]> {
  const first = formsAndLinks((await client.get(visit)).text, visit);
  const forms = [...first.forms];
  for (const link of [...new Set(first.links)].slice(0, 20)) {
    const page = await client.get(link);
    if ((page.headers.get("content-type") ?? "").includes("html")) forms.push(...formsAndLinks(page.text, link).forms);
  }
  return forms.map((form) => ({ ...form, rule: form.path }));
}

/** The URL map's unsafe requests plus any form target it did not list. */
function withForms(fromMap: { method: string; path: string; rule: string }[], forms: { method: string; path: string; rule: string }[]) {
  const seen = new Set(fromMap.map((request) => `${request.method} ${request.path}`));
  const extra = forms.filter((form) => !seen.has(`${form.method} ${form.path}`) && seen.add(`${form.method} ${form.path}`));
  return [...fromMap, ...extra];
}

/** Headers of a browser posting a form from another site. */
const CROSS_SITE = { origin: "https://attacker.example", "sec-fetch-site": "cross-site", referer: "https://attacker.example/" };

/**
 * Sends token-less and cross-site requests to every unsafe route and reports each one that
 * was not refused.
 *
 * @example
 * const findings = await attack.csrf(app, {
 *   token: (page) => /name="csrf_token" value="([^"]+)"/.exec(page.text)?.[1],
 *   bodies: { "/login": { username: "ada", password: "wrong" } },
 * });
 * expect(findings, "CSRF protection of every form").toHaveNoFindings();
 */
export async function probeCsrf(http: (app: unknown) => HttpClient, app: unknown, options: CsrfOptions = {}): Promise<Finding[]> {
  const visit = options.visit ?? "/";
  const field = options.field ?? "csrf_token";
  const refused = options.refused ?? [403];
  const requests = options.routes
    ? options.routes.map((spec) => {
        const [method = "POST", path = "/"] = spec.split(" ");
        return { method: method.toUpperCase(), path, rule: path };
      })
    : withForms(unsafeRequests(await routesOf(app)), await discoverForms(http(app), visit));
  if (requests.length === 0) return [finding("csrf", "found no unsafe routes to try: the app's URL map could not be read, no page had a POST form, and no routes were given")];
  const found: Finding[] = [];
  for (const { method, path, rule } of requests) {
    const form = options.bodies?.[rule] ?? options.bodies?.[path] ?? {};
    const send = (client: HttpClient, init: CheckRequestInit) => client.fetch(path, { method, ...init });
    const visitor = http(app);
    const page = await visitor.get(visit);
    const withoutToken = await send(visitor, { form });
    if (!refused.includes(withoutToken.status)) {
      found.push(finding("csrf", `${method} ${path} without a ${field} (from a visitor whose session began at GET ${visit}) answered ${withoutToken.status}, not ${refused.join(" or ")}: the request was not refused`));
    }
    const token = options.token?.(page);
    if (token) {
      const crossSite = await send(visitor, { form: { ...form, [field]: token }, headers: CROSS_SITE });
      if (!refused.includes(crossSite.status)) {
        found.push(finding("csrf", `${method} ${path} with a valid ${field} but sent from https://attacker.example (Origin, Sec-Fetch-Site: cross-site) answered ${crossSite.status}, not ${refused.join(" or ")}`));
      }
    }
  }
  return found;
}
