/** `urlFor`: endpoint + values -> URL, with blueprint-relative names, anchors and external URLs. */
import type { RouteData } from "./route-types.ts";
import type { VialRequest } from "./request.ts";
import type { RouteMap } from "./routing/index.ts";
import { applicationRootPrefix, scriptRoot } from "./script-root.ts";
import { encodeAnchor, type UrlForOptions } from "./url-for.ts";

interface UrlBuilderHost {
  readonly urlMap: RouteMap<RouteData>;
  readonly config: { SERVER_NAME: string | undefined; PREFERRED_URL_SCHEME: string; APPLICATION_ROOT: string };
}

/** Builds the URL for `endpoint`; see `Vial.urlFor`. */
export function buildUrl(
  app: UrlBuilderHost,
  endpoint: string,
  values: Record<string, unknown>,
  options: UrlForOptions & { blueprint?: string; request?: VialRequest },
): string {
  const resolved = resolveEndpoint(endpoint, options.blueprint);
  // Under the request's mount prefix (X-Forwarded-Prefix via proxyFix), or APPLICATION_ROOT
  // without a request: the browser must see the path the proxy serves, as Flask's url_for does.
  const root = options.request ? scriptRoot(options.request) : applicationRootPrefix(app.config.APPLICATION_ROOT);
  let url = root + app.urlMap.build(resolved, values, options.method ? { method: options.method } : undefined);
  if (options.anchor !== undefined) url += `#${encodeAnchor(options.anchor)}`;
  if (!options.external && options.scheme === undefined) return url;
  const origin = externalOrigin(app, options, resolved);
  return origin + url;
}

/** `.name` is relative to the current blueprint; outside a blueprint it names an app endpoint. */
function resolveEndpoint(endpoint: string, blueprint: string | undefined): string {
  if (!endpoint.startsWith(".")) return endpoint;
  return blueprint ? `${blueprint}${endpoint}` : endpoint.slice(1);
}

function externalOrigin(app: UrlBuilderHost, options: UrlForOptions & { request?: VialRequest }, endpoint: string): string {
  const requestUrl = options.request?.url;
  const host = requestUrl?.host ?? app.config.SERVER_NAME;
  if (!host) {
    throw new Error(`Cannot build an external URL for "${endpoint}" outside a request: set SERVER_NAME in the config.`);
  }
  const scheme = options.scheme ?? requestUrl?.protocol.replace(/:$/, "") ?? app.config.PREFERRED_URL_SCHEME;
  return `${scheme}://${host}`;
}
