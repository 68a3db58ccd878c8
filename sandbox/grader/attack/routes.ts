/**
 * The app's routes, read from its URL map (`app.urlMap.rules`) with every property awaited, so it
 * works on the app itself and on a proxy whose properties arrive as promises.
 */

/** One route: a path to call (variables filled with sample values) and its methods. */
export interface Route {
  /** The rule as written, e.g. `/books/<int:id>`. */
  rule: string;
  /** A path matching the rule, e.g. `/books/1`. */
  path: string;
  /** Upper-case methods; empty means any method. */
  methods: string[];
}

const UNSAFE = ["POST", "PUT", "PATCH", "DELETE"];

/** Sample values for rule variables by converter: `<int:id>` -> 1, `<path:p>` -> a/b, else "x". */
function samplePath(rule: string): string {
  return rule.replace(/<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>/g, (_, converter: string | undefined) => {
    if (converter === "int") return "1";
    if (converter === "float") return "1.5";
    if (converter === "uuid") return "00000000-0000-4000-8000-000000000001";
    if (converter === "path") return "a/b";
    return "x";
  });
}

/**
 * The routes of `app`, or an empty list when it has no URL map the kit can read.
 *
 * @example
 * await routesOf(app) // [{ rule: "/messages", path: "/messages", methods: ["POST"] }, ...]
 */
export async function routesOf(app: unknown): Promise<Route[]> {
  const target = (await app) as { urlMap?: unknown } | null | undefined;
  const map = (await target?.urlMap) as { rules?: unknown } | undefined;
  const rules = (await map?.rules) as Iterable<unknown> | undefined;
  if (!rules || typeof (rules as Iterable<unknown>)[Symbol.iterator] !== "function") return [];
  const routes: Route[] = [];
  for (const entry of rules) {
    const rule = (await (entry as { rule?: unknown }).rule) as string | undefined;
    const methods = (await (entry as { methods?: unknown }).methods) as Iterable<string> | undefined;
    if (typeof rule !== "string") continue;
    routes.push({ rule, path: samplePath(rule), methods: methods ? [...methods].map((m) => m.toUpperCase()) : [] });
  }
  return routes;
}

/**
 * The (path, method) pairs that change state: every unsafe method a route accepts (POST for a
 * route that accepts any method).
 *
 * @example
 * unsafeRequests(routes) // [{ method: "POST", path: "/messages", rule: "/messages" }]
 */
export function unsafeRequests(routes: Route[]): { method: string; path: string; rule: string }[] {
  return routes.flatMap((route) => {
    const methods = route.methods.length === 0 ? ["POST"] : route.methods.filter((method) => UNSAFE.includes(method));
    return methods.map((method) => ({ method, path: route.path, rule: route.rule }));
  });
}
