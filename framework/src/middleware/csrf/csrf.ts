/**
 * `csrf()`: refuses state-changing requests that another site made the browser send. Two checks,
 * both required on every unsafe method (anything but GET, HEAD, OPTIONS and TRACE):
 *
 * 1. Origin: `Sec-Fetch-Site` / `Origin` must not name another site (see `origin.ts`).
 * 2. Token: the request carries this session's token (`csrfToken(req)`) in a form field or a
 *    header, compared in constant time.
 *
 * Every unsafe request is checked whatever its `Content-Type`: Hono's middleware once skipped
 * requests without one, which let a cross-site `fetch` through (GHSA-2234-fmw7-43wr).
 */
import type { Blueprint } from "../../blueprint.ts";
import type { Vial } from "../../app.ts";
import { HTTPError } from "../../http-errors.ts";
import type { VialRequest } from "../../request.ts";
import { crossOriginReason, normalizeTrustedOrigins } from "./origin.ts";
import { sessionSecret, tokenMatches } from "./token.ts";

/**
 * Options of `csrf()`.
 *
 * @example
 * ```ts
 * import { Vial, csrf, type CsrfOptions } from "vial";
 * const options: CsrfOptions = { fieldName: "_csrf", trustedOrigins: ["https://admin.example.com"] };
 * new Vial({ config: { SECRET_KEY: "dev" } }).use(csrf(options));
 * ```
 */
export interface CsrfOptions {
  /** The form field that carries the token. Default `"csrf_token"`. */
  fieldName?: string;
  /** The header that carries the token (for `fetch()` and other scripts). Default `"X-CSRF-Token"`. */
  headerName?: string;
  /**
   * Other origins allowed to send unsafe requests, e.g. `["https://admin.example.com"]`. They
   * still need the token.
   */
  trustedOrigins?: readonly string[];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

/**
 * The 403 answer to a request that failed the CSRF check; `description` says which check. Handle
 * it with `errorHandler(403, ...)` (or by this class) to render your own page.
 *
 * @example
 * ```ts
 * import { Vial, CsrfError, html } from "vial";
 * const app = new Vial();
 * app.errorHandler(CsrfError, (err: CsrfError) => [html`<p>Please reload the form and try again (${err.description})</p>`, 403]);
 * ```
 */
export class CsrfError extends HTTPError {
  constructor(reason: string) {
    super(403, `CSRF check failed: ${reason}`);
  }
}

/**
 * Protects the app (or one blueprint's routes) against cross-site request forgery. Forms must
 * include `csrfToken(req)` in a hidden `csrf_token` field; scripts send it in `X-CSRF-Token`.
 * A failure is a 403 whose body says why. Needs a `SECRET_KEY` (the token lives in the session).
 *
 * JSON APIs authenticated by a header rather than a cookie are not exposed to CSRF: register
 * them on a blueprint and install `csrf()` only on the blueprints that serve forms.
 *
 * @example
 * ```ts
 * import { Vial, Blueprint, csrf, csrfToken, html } from "vial";
 * const app = new Vial({ config: { SECRET_KEY: "dev", SESSION_COOKIE_SAMESITE: "Lax" } });
 * const site = new Blueprint("site");
 * site.use(csrf());
 * site.get("/comment", (req) => html`<form method="post"><input type="hidden" name="csrf_token" value="${csrfToken(req)}"><textarea name="text"></textarea><button>Send</button></form>`);
 * site.post("/comment", async (req) => `Thanks for: ${(await req.form()).get("text")}`);
 * app.register(site);
 * app.register(new Blueprint("api", { urlPrefix: "/api" })); // token-authenticated JSON: no csrf()
 * ```
 */
export function csrf(options: CsrfOptions = {}): (scope: Vial | Blueprint) => void {
  const fieldName = options.fieldName ?? "csrf_token";
  const headerName = options.headerName ?? "X-CSRF-Token";
  const trusted = normalizeTrustedOrigins(options.trustedOrigins ?? []);

  const check = async (req: VialRequest): Promise<undefined> => {
    if (SAFE_METHODS.has(req.method)) return undefined;
    const crossOrigin = crossOriginReason(req, trusted);
    if (crossOrigin) throw new CsrfError(crossOrigin);

    const secret = sessionSecret(req);
    if (!secret) throw new CsrfError("the session has no CSRF token (the session cookie is missing or expired); reload the form.");
    const submitted = req.headers.get(headerName) ?? (await req.form()).get(fieldName);
    if (submitted === undefined || submitted === "") {
      throw new CsrfError(`the CSRF token is missing: send it in the "${fieldName}" form field or the ${headerName} header.`);
    }
    if (!tokenMatches(submitted, secret)) throw new CsrfError("the CSRF token is invalid (it belongs to another session, or was changed).");
    return undefined;
  };

  return (scope) => {
    scope.beforeRequest(check);
  };
}
