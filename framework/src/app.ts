/**
 * The application: a fetch handler `(Request) => Promise<Response>` with Flask's request
 * lifecycle. Method names follow Flask's: preprocess → dispatch → make response → process
 * response → teardown, with exceptions handled by code, then by class.
 */
import { Blueprint, type RegisterOptions, type RegisteredBlueprint } from "./blueprint.ts";
import { Config, type ConfigValues } from "./config.ts";
import { HTTPError, InternalServerError } from "./http-errors.ts";
import { makeResponse } from "./make-response.ts";
import { realResponse } from "./deferred-response.ts";
import { VialRequest } from "./request.ts";
import { RouteMap, defaultConverters, type ConverterFactory } from "./routing/index.ts";
import { Scaffold, findClassHandler, findHttpSubclassHandler, type HookSet, type RouteDeclaration } from "./scaffold.ts";
import type { Handler, RouteData } from "./route-types.ts";
import { toRequest, type RequestInitWithBody } from "./request-init.ts";
import { isThenable } from "./thenable.ts";
import { TestClient, type TestClientOptions } from "./testing/test-client.ts";
import { buildUrl } from "./build-url.ts";
import type { UrlForOptions } from "./url-for.ts";
import { checkTrustedHost } from "./trusted-hosts.ts";
import { RoutingRedirect, routeRequest } from "./dispatch.ts";
import { consoleLogger, type Logger } from "./logger.ts";
import { ValidationFailed } from "./validation/validation-failed.ts";
import { asErrorHandler, type ValidationErrorHandler } from "./validation/validation-error-handler.ts";
import { SecureCookieSessionInterface, type SessionInterface } from "./sessions/index.ts";
import { ACCEPTS_DEFERRED_REQUESTS, CAME_DEFERRED } from "./adapter-request.ts";

/**
 * Options of `new Vial()`.
 *
 * @example
 * ```ts
 * import { Vial, type VialOptions } from "vial";
 * const options: VialOptions = { config: { DEBUG: true }, logger: { error: () => {} } };
 * const app = new Vial(options);
 * ```
 */
export interface VialOptions {
  /** Initial configuration (UPPER_CASE keys). */
  config?: Partial<ConfigValues>;
  /** Extra URL converters, by name, e.g. `{ list: listConverter }`. */
  converters?: Record<string, ConverterFactory>;
  /** Where unhandled errors are logged (default: the console). */
  logger?: Logger;
}

/**
 * A Vial application.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * const app = new Vial({ config: { SECRET_KEY: "dev" } });
 * app.get("/", () => "Hello");
 * app.get("/users/<int:id>", (req) => ({ id: req.params.id }));
 * const res = await app.request("/users/7"); // 200 {"id":7}
 * ```
 */
export class Vial extends Scaffold {
  /** The configuration: `app.config.DEBUG`, `app.config.fromEnv("VIAL")`. */
  readonly config: Config;
  /** The routing map (rules, matching, building). */
  readonly urlMap: RouteMap<RouteData>;
  /** Where unhandled errors are logged. */
  logger: Logger;
  /** Loads and saves `req.session` (default: signed cookies, Flask's format). */
  sessionInterface: SessionInterface = new SecureCookieSessionInterface();
  readonly #blueprints = new Map<string, RegisteredBlueprint>();
  /** `fetch` as the constructor bound it, if it is Vial's own (not a subclass's). */
  readonly #ownFetch: ((request: Request) => Promise<Response>) | undefined;
  /** An app of exactly this class: its lifecycle steps are these, and a step with no hooks is skipped. */
  readonly #ownLifecycle: boolean;
  /** The hook chain of a request outside any blueprint, made once. */
  #appOnlyChain: HookSet[] | undefined;

  constructor(options: VialOptions = {}) {
    super();
    this.config = new Config(options.config);
    this.urlMap = new RouteMap<RouteData>({ converters: { ...defaultConverters, ...options.converters } });
    this.logger = options.logger ?? consoleLogger;
    // Keeps `fetch` usable unbound: `serve(app.fetch)`, `export default { fetch: app.fetch }`.
    this.fetch = this.fetch.bind(this);
    const prototype = Object.getPrototypeOf(this) as Vial;
    // Compared, not called: the unbound methods are only identities here.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    this.#ownFetch = prototype.fetch === Vial.prototype.fetch ? this.fetch : undefined;
    this.#ownLifecycle = prototype === Vial.prototype;
  }

  protected addRoute(declaration: RouteDeclaration, blueprints: string[] = []): void {
    const { rule, options, handler } = declaration;
    const methods = new Set((options.methods ?? ["GET"]).map((method) => method.toUpperCase()));
    if (methods.has("GET")) methods.add("HEAD");
    const automaticOptions = !methods.has("OPTIONS") && (options.provideAutomaticOptions ?? this.config.PROVIDE_AUTOMATIC_OPTIONS);
    if (automaticOptions) methods.add("OPTIONS");
    const localEndpoint = options.endpoint ?? (handler.name || rule);
    // Only an endpoint named after the rule ("/robots.txt") may hold a dot: any other would read
    // as a blueprint's name (Flask allows them on the app; Vial does not).
    if (localEndpoint.includes(".") && localEndpoint !== rule) {
      throw new Error(`Endpoint "${localEndpoint}" must not contain a dot: dots separate blueprint names.`);
    }
    const endpoint = blueprints.length ? `${blueprints[0]}.${localEndpoint}` : localEndpoint;
    // An endpoint named after the rule can only ever build that rule, so unnamed handlers for
    // several methods of one rule may share it; named endpoints must be unique, as in Flask.
    const namedAfterRule = options.endpoint === undefined && !handler.name;
    if (!namedAfterRule) this.#assertEndpointFree(endpoint, handler);
    this.urlMap.add(rule, {
      endpoint,
      methods: [...methods],
      strictSlashes: options.strictSlashes,
      defaults: options.defaults,
      data: { handler, options, blueprints, automaticOptions },
    });
  }

  // Handlers of every route's request type (see RouteDeclaration.handler).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  #assertEndpointFree(endpoint: string, handler: Handler<any>): void {
    const existing = this.urlMap.rules.find((rule) => rule.endpoint === endpoint);
    if (existing && existing.data.handler !== handler) {
      throw new Error(`Endpoint "${endpoint}" is already used by another handler; pass a different { endpoint } option.`);
    }
  }

  /**
   * Registers a blueprint: its routes with the prefix, its hooks and error handlers scoped to it.
   *
   * @example
   * ```ts
   * import { Vial, Blueprint } from "vial";
   * const app = new Vial();
   * app.register(new Blueprint("admin"), { urlPrefix: "/admin" });
   * ```
   */
  register(blueprint: Blueprint, options: RegisterOptions = {}): this {
    const collected = blueprint.collect(options);
    for (const registered of collected.blueprints) {
      if (this.#blueprints.has(registered.name)) {
        throw new Error(`A blueprint named "${registered.name}" is already registered; pass { name } to register it again.`);
      }
    }
    for (const registered of collected.blueprints) this.#blueprints.set(registered.name, registered);
    for (const route of collected.routes) this.addRoute(route, route.blueprints);
    return this;
  }

  /**
   * Reshapes the answer to input that failed a route's schemas (by default an RFC 9457
   * `application/problem+json` document). It is an error handler for `ValidationFailed`, so a
   * handler registered for the status code itself (`errorHandler(422, ...)`) comes first, as in
   * Flask. Returning `undefined` keeps the default answer.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * app.validationErrorHandler((problem) => [{ error: "invalid", fields: problem.errors.map((e) => e.path.join(".")) }, problem.status]);
   * ```
   */
  validationErrorHandler(handler: ValidationErrorHandler): this {
    return this.errorHandler(ValidationFailed, asErrorHandler(handler));
  }

  /**
   * Whether vial/node may hand `fetch` a `Request` it builds only when needed (`req.raw` is still
   * the real one). Only while `fetch` is Vial's own: a wrapper (`proxyFix`, a subclass) could
   * pass the request to code that needs a real `Request`.
   */
  get [ACCEPTS_DEFERRED_REQUESTS](): boolean {
    return this.#ownFetch !== undefined && this.fetch === this.#ownFetch;
  }

  /** Registered blueprints by full dotted name. */
  get blueprints(): ReadonlyMap<string, RegisteredBlueprint> {
    return this.#blueprints;
  }

  /**
   * Builds a URL for an endpoint. Params the rule does not use go to the query string. An unknown
   * endpoint or a missing param throws `BuildError`.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * app.get("/users/<int:id>", { endpoint: "user" }, (req) => `user ${req.params.id}`);
   * app.urlFor("user", { id: 7, tab: "posts" }); // "/users/7?tab=posts"
   * ```
   */
  urlFor(endpoint: string, values: Record<string, unknown> = {}, options: UrlForOptions & { blueprint?: string; request?: VialRequest } = {}): string {
    return buildUrl(this, endpoint, values, options);
  }

  /**
   * The fetch handler: answers one standard `Request`. Never throws; unhandled errors become 500.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * app.get("/", () => "Hello");
   * const res = await app.fetch(new Request("http://localhost/"));
   * ```
   */
  async fetch(request: Request): Promise<Response> {
    const req = new VialRequest(request, this);
    let unhandled: unknown;
    let response: Response;
    try {
      response = await this.fullDispatchRequest(req);
    } catch (error) {
      unhandled = error;
      response = await this.handleException(error, req);
      response = await this.#processErrorResponse(response, req);
    }
    if (!this.#ownLifecycle || this.#hasHooks(req, "teardownRequest")) await this.doTeardownRequest(req, unhandled);
    if (req.method === "HEAD" && response.body) return new Response(null, response);
    // The internal whole-body response goes only to an adapter whose request came through the
    // adapter interface (vial/node), which writes its parts itself; anyone else (a Service
    // Worker, the test client, a wrapping app) gets a real Response.
    return req[CAME_DEFERRED] ? response : realResponse(response);
  }

  /** Preprocess, dispatch, make the response, process it; user errors go to their handlers. */
  protected async fullDispatchRequest(req: VialRequest): Promise<Response> {
    let response: Response;
    try {
      // Opened before routing and hooks, as Flask does; it is async because signing is (Web Crypto).
      // Awaited only when it is a promise: most requests have no session cookie to verify.
      const opened = this.sessionInterface.openSession(this, req);
      req.session = (isThenable(opened) ? await opened : opened) ?? this.sessionInterface.makeNullSession(this);
      const route = this.matchRequest(req);
      const early = !this.#ownLifecycle || this.#hasHooks(req, "beforeRequest") ? await this.preprocessRequest(req) : undefined;
      const value = early !== undefined ? early : await this.dispatchRequest(req, route);
      // Named only for an error: most answers need no name, and this runs on every request.
      response = makeResponse(value, () => describeEndpoint(req));
    } catch (error) {
      response = await this.handleUserException(error, req);
    }
    // Without after-request hooks only the session is left to save, often without a promise.
    const processed = !this.#ownLifecycle || this.#hasHooks(req, "afterRequest") ? this.processResponse(response, req) : this.#saveSession(response, req);
    return isThenable(processed) ? await processed : processed;
  }

  /** Routes the request: sets `req.params`, `req.endpoint`, `req.blueprints`; errors are raised at dispatch, as in Flask. */
  protected matchRequest(req: VialRequest): () => Promise<unknown> {
    try {
      checkTrustedHost(req, this.config.TRUSTED_HOSTS);
      return routeRequest(this, req);
    } catch (error) {
      // Whatever the host check threw (an HTTPException), passed on as it is to the error handlers.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return () => Promise.reject(error);
    }
  }

  /** Runs `beforeRequest` hooks, the app's first, then each enclosing blueprint's from the outside in. */
  protected async preprocessRequest(req: VialRequest): Promise<unknown> {
    for (const hooks of this.#hookChain(req, "outside-in")) {
      for (const hook of hooks.beforeRequest) {
        const value = await hook(req);
        if (value !== undefined) return value;
      }
    }
    return undefined;
  }

  /** Calls the matched handler (or raises the routing error). */
  protected dispatchRequest(_req: VialRequest, route: () => Promise<unknown>): Promise<unknown> {
    return route();
  }

  /** Runs `afterRequest` hooks: the blueprints' (innermost first), then the app's, each in reverse order. */
  protected async processResponse(response: Response, req: VialRequest): Promise<Response> {
    for (const hooks of this.#hookChain(req, "inside-out")) {
      for (let i = hooks.afterRequest.length - 1; i >= 0; i--) {
        const replaced = await hooks.afterRequest[i]!(response, req);
        if (replaced instanceof Response) response = replaced;
      }
    }
    const saved = this.#saveSession(response, req);
    return isThenable(saved) ? await saved : saved;
  }

  #saveSession(response: Response, req: VialRequest): Response | PromiseLike<Response> {
    return this.sessionInterface.isNullSession(req.session) ? response : this.sessionInterface.saveSession(this, req.session, response);
  }

  /**
   * After-request hooks and the session save also see the 500; an error raised by them now is
   * logged, not raised again (Flask logs "Request finalizing failed…" here too, so an error in
   * the save itself is logged twice: once as the cause of the 500, once here).
   */
  async #processErrorResponse(response: Response, req: VialRequest): Promise<Response> {
    try {
      return await this.processResponse(response, req);
    } catch (error) {
      this.logger.error(`Finishing the error response failed on ${req.path} [${req.method}] (an after-request hook or saving the session)`, error);
      return response;
    }
  }

  /** Runs every `teardownRequest` hook; a failing hook is logged and the others still run. */
  protected async doTeardownRequest(req: VialRequest, error: unknown): Promise<void> {
    for (const hooks of this.#hookChain(req, "inside-out")) {
      for (let i = hooks.teardownRequest.length - 1; i >= 0; i--) {
        try {
          await hooks.teardownRequest[i]!(error, req);
        } catch (teardownError) {
          this.logger.error(`Error in teardown hook on ${req.path} [${req.method}]`, teardownError);
        }
      }
    }
  }

  /** An HTTP error: routing redirects pass through; otherwise the handler by code, then class. */
  protected async handleHttpException(error: HTTPError, req: VialRequest): Promise<Response> {
    if (error instanceof RoutingRedirect) return error.getResponse();
    const handler = this.#findErrorHandler(error, req);
    if (!handler) return error.getResponse();
    return makeResponse(await handler(error, req), `the error handler for ${error.status}`);
  }

  /** Any error raised while handling the request; unhandled ones propagate to `handleException`. */
  protected async handleUserException(error: unknown, req: VialRequest): Promise<Response> {
    if (error instanceof HTTPError) return this.handleHttpException(error, req);
    const handler = this.#findErrorHandler(error, req);
    if (!handler) throw error;
    return makeResponse(await handler(error, req), `the error handler for ${nameOf(error)}`);
  }

  /** An unhandled error: logged once, then a 500 (through a 500 handler if there is one). */
  protected async handleException(error: unknown, req: VialRequest): Promise<Response> {
    this.logger.error(`Exception on ${req.path} [${req.method}]`, error);
    const serverError = new InternalServerError(this.config.DEBUG ? debugDescription(error) : undefined, { originalError: error });
    const handler = this.#findErrorHandler(serverError, req);
    if (!handler) return serverError.getResponse();
    try {
      return makeResponse(await handler(serverError, req), "the error handler for 500");
    } catch (handlerError) {
      this.logger.error(`Exception in the 500 handler on ${req.path} [${req.method}]`, handlerError);
      return new InternalServerError().getResponse();
    }
  }

  #findErrorHandler(error: unknown, req: VialRequest) {
    const chain = this.#hookChain(req, "inside-out");
    if (error instanceof HTTPError) {
      // Flask's order: for the code, each scope from the innermost blueprint out, and within a
      // scope the most specific subclass first; then by class, scope by scope again.
      for (const hooks of chain) {
        const handler = findHttpSubclassHandler(hooks, error) ?? hooks.errorHandlersByCode.get(error.status);
        if (handler) return handler;
      }
    }
    for (const hooks of chain) {
      const handler = findClassHandler(hooks, error);
      if (handler) return handler;
    }
    return undefined;
  }

  /** Whether any hook of this kind applies to the request (awaiting an empty step costs a promise). */
  #hasHooks(req: VialRequest, kind: "beforeRequest" | "afterRequest" | "teardownRequest"): boolean {
    for (const hooks of this.#hookChain(req, "inside-out")) if (hooks[kind].length > 0) return true;
    return false;
  }

  /** The hook sets that apply to this request: enclosing blueprints and the app. */
  #hookChain(req: VialRequest, order: "inside-out" | "outside-in"): HookSet[] {
    // Shared between requests: callers only read it.
    if (req.blueprints.length === 0) return (this.#appOnlyChain ??= [this.hooks]);
    const chain: HookSet[] = [];
    for (const name of req.blueprints) {
      const registered = this.#blueprints.get(name);
      if (registered) chain.push(registered.blueprint.hooks);
    }
    chain.push(this.hooks);
    return order === "inside-out" ? chain : chain.reverse();
  }

  /**
   * Sends a request to the app without a server, like Flask's test client. A path is resolved
   * against `http://localhost`; `init.json` sends a JSON body, `init.form` a urlencoded one.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * app.post("/echo", async (req) => await req.json() as object);
   * const res = await app.request("/echo", { method: "POST", json: { a: 1 } });
   * ```
   */
  request(input: string | URL | Request, init: RequestInitWithBody = {}): Promise<Response> {
    return this.fetch(toRequest(input, init));
  }

  /**
   * A client that keeps cookies between requests and can follow redirects.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * const client = app.testClient({ followRedirects: true });
   * const res = await client.get("/");
   * ```
   */
  testClient(options: TestClientOptions = {}): TestClient {
    return new TestClient((request) => this.fetch(request), options);
  }
}

function describeEndpoint(req: VialRequest): string {
  return req.endpoint ? `The handler for endpoint "${req.endpoint}"` : "The before-request hook";
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function debugDescription(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
