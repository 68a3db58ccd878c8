/**
 * Insecure direct object references (IDOR): a logged-in member sends every id route of the app
 * (each route of the URL map with an `<id>` variable, each of its methods) with the id of a
 * record someone else owns, and with an id that does not exist. Someone else's record must be
 * refused, the data must not change, and the two answers must look alike (status and the shape
 * of the body), so the answer does not tell the member that the record exists.
 *
 * An app behind `csrf()` refuses an unsafe request without its token before the handler (and
 * its ownership check) runs, so the probe first does what the member's browser does: it loads a
 * page as the member and takes the token from a form's hidden field, then sends it with every
 * unsafe request (in the form, and in the X-CSRF-Token header). A POST IDOR stays visible.
 */
import type { CheckResponse, HttpClient } from "../http";
import { finding, quote, type Finding } from "./finding";
import { formFieldValue, formsAndLinks } from "./forms";
import { routesOf } from "./routes";

/** What the IDOR probe needs. */
export interface IdorOptions {
  /** Logs in the member who does not own the records, e.g. `client.post("/login", { json: { username, password } })`. */
  intruder(client: HttpClient): Promise<unknown>;
  /** Ids of records that belong to someone else (another member's note, public or private). */
  ids: (number | string)[];
  /** An id no record has; its answer is what someone else's id must look like. */
  missing: number | string;
  /** The rule variable holding the id; default `id`. */
  param?: string;
  /** Only rules that start with this, e.g. `/my/notes/`; default every rule with the variable. */
  prefix?: string;
  /** A JSON body sent with POST, PUT and PATCH, one the route accepts, so only the ownership check can refuse it. */
  body?: unknown;
  /** Reads the data back after each unsafe request: a sentence saying what changed, or undefined. */
  intact?(): Promise<string | undefined> | string | undefined;
  /** Texts of the records (a private title) that must not appear in any answer. */
  secrets?: string[];
  /** Fields that name the owner (`{ owner_id: adasId }`): every request is sent again with them in the query string and the JSON body, as a member would try. */
  ownerFields?: Record<string, string | number>;
  /** Whether another's record and a missing one must answer alike; default true. False when the lesson chose 403 on purpose. */
  sameAsMissing?: boolean;
  /** A form body for POST, PUT and PATCH instead of `body`, for an app of HTML forms: the fields its form sends. */
  form?: Record<string, string>;
  /**
   * Where the member's browser finds the CSRF token of an app behind `csrf()`: the probe loads
   * `visit` (default "/") as the member, then the same-site pages it links to, until a form has a
   * `field` (default "csrf_token"), and sends that token with every unsafe request, in the form
   * and in `header` (default "X-CSRF-Token"). When no page has one, requests go without. False:
   * never look.
   */
  csrf?: { visit?: string; field?: string; header?: string } | false;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The shape of a body: its JSON keys and their types, nested, or its content type when it is not JSON. */
function shapeOf(response: CheckResponse): string {
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (!type.includes("json")) return type || "(no content type)";
  const shape = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.length === 0 ? "" : shape(value[0])}]`;
    if (value !== null && typeof value === "object") {
      return `{${Object.keys(value).sort().map((key) => `${key}: ${shape((value as Record<string, unknown>)[key])}`).join(", ")}}`;
    }
    return value === null ? "null" : typeof value;
  };
  try {
    return shape(JSON.parse(response.text));
  } catch {
    return `${type} that is not JSON`;
  }
}

/** The rule with the id in its variable and sample values in any other. */
function pathFor(rule: string, param: string, id: number | string): string {
  return rule.replace(/<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>/g, (_, converter: string | undefined, name: string) => {
    if (name === param) return encodeURIComponent(String(id));
    return converter === "int" ? "1" : "x";
  });
}

/** How many linked pages the token search loads at most, after `visit`. */
const TOKEN_PAGES = 20;

/** The session's CSRF token as the logged-in member's browser has it: a form's hidden field on `visit` or a page it links to. */
async function csrfTokenOf(client: HttpClient, visit: string, field: string): Promise<string | undefined> {
  const isHtml = (page: CheckResponse) => (page.headers.get("content-type") ?? "").includes("html");
  const first = await client.get(visit);
  if (!isHtml(first)) return undefined;
  const token = formFieldValue(first.text, field);
  if (token) return token;
  for (const link of [...new Set(formsAndLinks(first.text, visit).links)].slice(0, TOKEN_PAGES)) {
    const page = await client.get(link);
    const found = isHtml(page) ? formFieldValue(page.text, field) : undefined;
    if (found) return found;
  }
  return undefined;
}

const hasParam = (rule: string, param: string) => new RegExp(`<(?:\\w+(?:\\([^)]*\\))?:)?${param}>`).test(rule);

/**
 * Sends every method of every id route as `intruder`, with others' ids and a missing id, and
 * reports each route that let the intruder in, changed the data, leaked a secret, or answered
 * another's id differently from a missing one.
 *
 * @example
 * const findings = await attack.idor(app, {
 *   intruder: (client) => client.post("/login", { json: { username: mallory, password } }),
 *   ids: [adasPrivateNote, adasPublicNote], missing: 999_999,
 *   body: { title: "mine now" },
 *   intact: async () => (await notesChanged()) ? "Ada's notes changed" : undefined,
 * });
 * expect(findings, "every id route on Ada's notes, as Mallory").toHaveNoFindings();
 */
export async function probeIdor(http: (app: unknown) => HttpClient, app: unknown, options: IdorOptions): Promise<Finding[]> {
  const param = options.param ?? "id";
  const routes = (await routesOf(app)).filter((route) => hasParam(route.rule, param) && route.rule.startsWith(options.prefix ?? ""));
  if (routes.length === 0) return [finding("idor", `found no routes with an <${param}> variable${options.prefix ? ` under ${options.prefix}` : ""} in the app's URL map`)];
  const client = http(app);
  await options.intruder(client);
  const csrf = options.csrf === false ? undefined : { visit: "/", field: "csrf_token", header: "X-CSRF-Token", ...options.csrf };
  const token = csrf && (await csrfTokenOf(client, csrf.visit, csrf.field));
  const found: Finding[] = [];
  for (const route of routes) {
    const methods = route.methods.length === 0 ? METHODS : METHODS.filter((method) => route.methods.includes(method));
    for (const method of methods) {
      const withBody = UNSAFE.has(method) && method !== "DELETE";
      // The member's browser sends its token with every unsafe request (a form's field, a script's header).
      const tokenFor = token && csrf && UNSAFE.has(method) ? { [csrf.field]: token } : {};
      const body = (extra: Record<string, string | number>) => options.form
        ? { form: { ...options.form, ...extra, ...tokenFor } }
        : { json: { ...(options.body as object | undefined), ...extra } };
      const send = (id: number | string, extra: Record<string, string | number> = {}) =>
        client.fetch(pathFor(route.rule, param, id), {
          method,
          ...(withBody ? body(extra) : {}),
          ...(token && csrf && UNSAFE.has(method) ? { headers: { [csrf.header]: token } } : {}),
          ...(Object.keys(extra).length > 0 ? { query: extra } : {}),
        });
      // The missing id is sent the same way as each attempt, so a body refused as a whole (a 422
      // for the owner fields) is compared with the same refusal, not with a plain 404.
      const missingAnswers = new Map<object, CheckResponse>();
      const attempts = options.ids.flatMap((id) => [{ id, extra: {} }, ...(options.ownerFields ? [{ id, extra: options.ownerFields }] : [])]);
      for (const { id, extra } of attempts) {
        const named = Object.keys(extra).length > 0 ? `${pathFor(route.rule, param, id)}?${new URLSearchParams(Object.entries(extra).map(([key, value]) => [key, String(value)]))} (the owner named in the query${withBody ? " and the body" : ""})` : undefined;
        const path = named ?? pathFor(route.rule, param, id);
        if (!missingAnswers.has(extra)) missingAnswers.set(extra, await send(options.missing, extra));
        const missing = missingAnswers.get(extra)!;
        const res = await send(id, extra);
        const changed = UNSAFE.has(method) ? await options.intact?.() : undefined;
        const leaked = options.secrets?.find((secret) => res.text.includes(secret));
        if (res.status < 400) {
          found.push(finding("idor", `${method} ${path}, another member's record, sent by a member who does not own it, answered ${res.status} ${quote(res.text.slice(0, 100))}: the route does not check who owns the record`));
        } else if (changed) {
          found.push(finding("idor", `${method} ${path}, another member's record, answered ${res.status}, yet afterwards ${changed}: the change happened before (or without) the ownership check`));
        } else if (leaked) {
          found.push(finding("idor", `${method} ${path}, another member's record, answered ${res.status} with its text ${quote(leaked)} in the body`));
        } else if (options.sameAsMissing !== false && (res.status !== missing.status || shapeOf(res) !== shapeOf(missing))) {
          found.push(finding("idor", `${method} ${path}, another member's record, answered ${res.status} ${shapeOf(res)}, but ${method} ${pathFor(route.rule, param, options.missing)}${named ? " sent the same way" : ""}, a record that does not exist, answered ${missing.status} ${shapeOf(missing)}: the difference tells the member the record exists`));
        } else continue;
        break;
      }
    }
  }
  return found;
}
