/**
 * `proxyFix()`: Werkzeug's ProxyFix for Vial. Behind a reverse proxy the app sees the proxy's
 * address, scheme and host; the proxy passes the client's in `X-Forwarded-*` headers. Those are
 * trusted only as far as the operator says proxies set them, counting from the right.
 *
 * Like Werkzeug's (a WSGI middleware wrapping `app.wsgi_app`), it rewrites the request *before*
 * the app sees it, so `TRUSTED_HOSTS`, routing, `req.url`, `urlFor(..., { external: true })` and
 * everything after them see the corrected scheme and host.
 */
import { Vial } from "../../app.ts";
import type { Blueprint } from "../../blueprint.ts";
import { clientAddress, setClientAddress, type RequestLike } from "../../client-address.ts";
import { scriptRoot, setScriptRoot } from "../../script-root.ts";
import { trustedValue } from "./trusted-value.ts";

/**
 * How many proxies set each header (Werkzeug's defaults: one proxy sets For and Proto).
 *
 * @example
 * ```ts
 * import { Vial, proxyFix, type ProxyFixOptions } from "vial";
 *
 * // One nginx in front, setting X-Forwarded-For, -Proto and -Host.
 * const behindNginx: ProxyFixOptions = { xFor: 1, xProto: 1, xHost: 1 };
 * const app = new Vial();
 * app.use(proxyFix(behindNginx));
 * ```
 */
export interface ProxyFixOptions {
  /** Values to trust in `X-Forwarded-For` (the client address). Default 1. */
  xFor?: number;
  /** Values to trust in `X-Forwarded-Proto` (`http` or `https`). Default 1. */
  xProto?: number;
  /** Values to trust in `X-Forwarded-Host`. Default 0. */
  xHost?: number;
  /** Values to trust in `X-Forwarded-Port`. Default 0. */
  xPort?: number;
  /** Values to trust in `X-Forwarded-Prefix` (where the proxy mounts the app). Default 0. */
  xPrefix?: number;
}

type Trust = Required<ProxyFixOptions>;

const installedOn = new WeakSet<Vial>();

function resolveTrust(options: ProxyFixOptions): Trust {
  const trust = { xFor: 1, xProto: 1, xHost: 0, xPort: 0, xPrefix: 0, ...options };
  for (const [name, count] of Object.entries(trust)) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`proxyFix: ${name} must be a whole number of proxies (0 or more), got ${count}.`);
  }
  return trust;
}

/** The URL with another `host[:port]`, or undefined when the value is not a plain host. */
function withHost(url: URL, host: string): URL | undefined {
  if (/[\s/\\?#@]/.test(host)) return undefined;
  try {
    const next = new URL(`${url.protocol}//${host}${url.pathname}${url.search}`);
    return next.hostname ? next : undefined;
  } catch {
    return undefined;
  }
}

function isPort(value: string): boolean {
  return /^\d{1,5}$/.test(value) && Number(value) <= 65535;
}

/** A path prefix without its trailing slash (`"/" → ""`), or undefined when it is not a path. */
function asPrefix(value: string | undefined): string | undefined {
  if (value === undefined || !value.startsWith("/") || /[\s?#\\]/.test(value)) return undefined;
  return value.replace(/\/+$/, "");
}

function withUrl(request: Request, url: URL): Request {
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers, signal: request.signal };
  if (request.body) {
    init.body = request.body;
    init.duplex = "half";
  }
  return new Request(url, init);
}

/**
 * Applies the trusted `X-Forwarded-*` values to a request: scheme, host and port go into its URL
 * (a new `Request` when they change), the client address into `clientAddress()`, the prefix into
 * `forwardedPrefix()`. A header with fewer values than trusted proxies, or a value that does not
 * parse, is ignored, as in Werkzeug. Use it to put any fetch handler behind a proxy.
 *
 * @example
 * ```ts
 * import { Vial, applyProxyFix } from "vial";
 * const app = new Vial();
 * const handler = { fetch: (request: Request) => app.fetch(applyProxyFix(request, { xFor: 1, xProto: 1 })) };
 * ```
 */
export function applyProxyFix(request: Request, options: ProxyFixOptions = {}): Request {
  return fixRequest(request, resolveTrust(options));
}

function fixRequest(request: Request, trust: Trust): Request {
  const headers = request.headers;
  let url = new URL(request.url);
  const proto = trustedValue(headers.get("x-forwarded-proto"), trust.xProto)?.toLowerCase();
  if (proto === "http" || proto === "https") url.protocol = proto;
  const host = trustedValue(headers.get("x-forwarded-host"), trust.xHost);
  if (host !== undefined) url = withHost(url, host) ?? url;
  const port = trustedValue(headers.get("x-forwarded-port"), trust.xPort);
  if (port !== undefined && isPort(port)) url.port = port;

  let result = request;
  if (url.href !== request.url) {
    try {
      result = withUrl(request, url);
    } catch {
      // A request the platform will not copy (an unusual method) keeps its URL rather than failing.
    }
  }
  const address = trustedValue(headers.get("x-forwarded-for"), trust.xFor) ?? clientAddress(request);
  setClientAddress(result, address);
  const prefix = asPrefix(trustedValue(headers.get("x-forwarded-prefix"), trust.xPrefix));
  if (prefix !== undefined) setScriptRoot(result, prefix);
  return result;
}

/**
 * The path prefix the proxy mounts the app under, from a trusted `X-Forwarded-Prefix` (Werkzeug's
 * `SCRIPT_NAME`, Flask's `request.script_root`): `"/ham"`, or `""` when there is none. The proxy
 * strips it before forwarding, so routes do not include it; links built for the browser should,
 * and those `urlFor` builds and routing's slash redirects do.
 *
 * @example
 * ```ts
 * import { Vial, proxyFix, forwardedPrefix } from "vial";
 * const app = new Vial();
 * app.use(proxyFix({ xPrefix: 1 }));
 * app.get("/", (req) => `<a href="${forwardedPrefix(req)}/about">About</a>`);
 * ```
 */
export function forwardedPrefix(req: RequestLike): string {
  return scriptRoot(req);
}

/**
 * Trusts `X-Forwarded-*` headers from the given number of proxies in front of the app. Install it
 * first, on the app itself (it rewrites each request before routing, so it cannot live on a
 * blueprint), and only when the app really is behind such proxies: without them, clients could
 * set these headers themselves.
 *
 * @example
 * ```ts
 * import { Vial, proxyFix, clientAddress } from "vial";
 * const app = new Vial({ config: { TRUSTED_HOSTS: ["example.com"] } });
 * // nginx in front sets X-Forwarded-For, -Proto and -Host:
 * app.use(proxyFix({ xFor: 1, xProto: 1, xHost: 1 }));
 * app.get("/", (req) => `${clientAddress(req)} via ${req.url.protocol}//${req.host}`);
 * ```
 */
export function proxyFix(options: ProxyFixOptions = {}): (scope: Vial | Blueprint) => void {
  const trust = resolveTrust(options);
  return (scope) => {
    if (!(scope instanceof Vial)) {
      throw new TypeError("proxyFix() rewrites each request before routing, so it goes on the app (app.use(proxyFix())), not on a blueprint.");
    }
    if (installedOn.has(scope)) throw new Error("proxyFix() is already installed on this app.");
    installedOn.add(scope);
    const next = scope.fetch.bind(scope);
    scope.fetch = (request: Request) => next(fixRequest(request, trust));
  };
}
