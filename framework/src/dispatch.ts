/**
 * Routing a request: match its path and method against the app's rules, and either return the
 * call to the matched handler or raise the routing outcome (404, 405, or a 308 slash redirect).
 */
import type { RouteData } from "./route-types.ts";
import { HTTPError, MethodNotAllowed, NotFound } from "./http-errors.ts";
import { redirect } from "./response.ts";
import type { VialRequest } from "./request.ts";
import type { RouteMap } from "./routing/index.ts";
import { scriptRoot } from "./script-root.ts";
import { validateResponse } from "./validation/route-validation.ts";
import { validationPlanFor } from "./validation/validation-plan.ts";

/**
 * A redirect raised by routing (trailing slash, merged slashes). It skips error handlers, as in Flask.
 *
 * @example
 * ```ts
 * import { RoutingRedirect } from "vial";
 * new RoutingRedirect("/docs/").getResponse().status; // 308
 * ```
 */
export class RoutingRedirect extends HTTPError {
  readonly location: string;
  constructor(location: string) {
    super(308, "This resource has moved; follow the redirect.", { headers: { location } });
    this.location = location;
  }

  override getResponse(): Response {
    return redirect(this.location, 308);
  }
}

/** What routing needs from the app. */
interface Routable {
  readonly urlMap: RouteMap<RouteData>;
  readonly config: { DEBUG: boolean };
}

/**
 * Matches `req` and fills in `params`, `endpoint` and `blueprints`. Returns the deferred handler
 * call; routing failures are thrown.
 */
export function routeRequest(app: Routable, req: VialRequest): () => Promise<unknown> {
  const result = app.urlMap.match(req.path, req.method);
  switch (result.kind) {
    case "match": {
      const { rule, params } = result;
      req.params = params;
      req.endpoint = rule.endpoint;
      req.blueprints = rule.data.blueprints;
      if (req.method === "OPTIONS" && rule.data.automaticOptions) {
        return () => Promise.resolve(automaticOptionsResponse(app, req.path));
      }
      const { handler, options } = rule.data;
      const call = () => handler(req);
      // Most routes declare no schemas: then nothing needs to be awaited before the handler.
      const plan = validationPlanFor(options);
      // async so that a handler's synchronous throw becomes a rejection like any other.
      // eslint-disable-next-line @typescript-eslint/require-await
      if (plan === undefined) return async () => call();
      const { request, response } = plan;
      if (response === undefined) {
        return async () => {
          await request!(req);
          return call();
        };
      }
      return async () => {
        if (request) await request(req);
        return validateResponse(await call(), response, app.config.DEBUG);
      };
    }
    case "redirect":
      // Under the mount prefix, so a proxied app redirects to where the proxy serves it.
      throw new RoutingRedirect(scriptRoot(req) + result.location + req.url.search);
    case "method-not-allowed":
      throw new MethodNotAllowed(result.allowed);
    case "not-found":
      throw new NotFound();
  }
}

/** 200 with `Allow` listing every method any rule accepts for this path, like Flask. */
function automaticOptionsResponse(app: Routable, path: string): Response {
  const probe = app.urlMap.match(path, "\u0000");
  const allowed = probe.kind === "method-not-allowed" ? probe.allowed : [];
  return new Response(null, { status: 200, headers: { allow: allowed.join(", ") } });
}
