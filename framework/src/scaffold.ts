/**
 * What the app and blueprints share, as Flask's `Scaffold`: registering routes, lifecycle hooks
 * and error handlers. Where the registrations end up is up to the subclass: the app adds routes
 * to its map directly, a blueprint records them until it is registered.
 */
import type { AfterRequestHook, BeforeRequestHook, ErrorClass, ErrorHandler, TeardownHook } from "./hooks.ts";
import { HTTPError } from "./http-errors.ts";
import type { Handler, RequestFor, RouteOptions } from "./route-types.ts";

/** A route as declared on an app or blueprint, before prefixes are applied. */
export interface RouteDeclaration {
  rule: string;
  options: RouteOptions;
  // A handler's parameter is the request type of its own route; `any` lets every route's handler be stored together (contravariance).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handler: Handler<any>;
}

/** The hooks and error handlers declared on one app or blueprint. */
export class HookSet {
  readonly beforeRequest: BeforeRequestHook[] = [];
  readonly afterRequest: AfterRequestHook[] = [];
  readonly teardownRequest: TeardownHook[] = [];
  /** Handlers registered by status code, or by the class that gives an HTTP error its code (`Forbidden`). */
  readonly errorHandlersByCode = new Map<number, ErrorHandler>();
  /**
   * Handlers for subclasses of an HTTP error class that inherit its code (`class Banned extends
   * Forbidden`): they run only for that subclass, before the code's handler, as in Flask.
   */
  readonly errorHandlersByHttpSubclass = new Map<ErrorClass, ErrorHandler>();
  /** Handlers for any other class (`Error`, `HTTPError`, your own errors). */
  readonly errorHandlersByClass = new Map<ErrorClass, ErrorHandler>();
}

type MethodShortcut = {
  <R extends string>(rule: R, handler: Handler<RequestFor<R>>): unknown;
  <R extends string, const O extends Omit<RouteOptions, "methods">>(rule: R, options: O, handler: Handler<RequestFor<R, O>>): unknown;
};

export abstract class Scaffold {
  /** Hooks and error handlers declared here. */
  readonly hooks = new HookSet();

  protected abstract addRoute(declaration: RouteDeclaration): void;

  /**
   * Registers a handler for a rule. `methods` defaults to `["GET"]`.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * app.route("/login", { methods: ["GET", "POST"] }, (req) => (req.method === "POST" ? "posted" : "form"));
   * ```
   */
  route<R extends string, const O extends RouteOptions>(rule: R, options: O, handler: Handler<RequestFor<R, O>>): this {
    this.addRoute({ rule, options, handler });
    return this;
  }

  /** GET (and HEAD) route. @example `app.get("/users/<int:id>", (req) => ({ id: req.params.id }))` */
  readonly get: MethodShortcut = this.#shortcut("GET");
  /** POST route. @example `app.post("/items", async (req) => [await req.json(), 201])` */
  readonly post: MethodShortcut = this.#shortcut("POST");
  /** PUT route. @example `app.put("/items/<int:id>", (req) => ({ replaced: req.params.id }))` */
  readonly put: MethodShortcut = this.#shortcut("PUT");
  /** PATCH route. @example `app.patch("/items/<int:id>", (req) => ({ patched: req.params.id }))` */
  readonly patch: MethodShortcut = this.#shortcut("PATCH");
  /** DELETE route. @example `app.delete("/items/<int:id>", () => ["", 204])` */
  readonly delete: MethodShortcut = this.#shortcut("DELETE");

  #shortcut(method: string): MethodShortcut {
    // Handlers of every route's request type (see RouteDeclaration.handler).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return ((rule: string, optionsOrHandler: RouteOptions | Handler<any>, maybeHandler?: Handler<any>) => {
      if (typeof optionsOrHandler === "function" && maybeHandler !== undefined) {
        throw new TypeError(`${method} ${rule}: options go before the handler: app.${method.toLowerCase()}(rule, options, handler).`);
      }
      const [options, handler] = typeof optionsOrHandler === "function" ? [{}, optionsOrHandler] : [optionsOrHandler, maybeHandler];
      if (typeof handler !== "function") throw new TypeError(`${method} ${rule}: the last argument must be the handler function.`);
      if ("methods" in options) throw new TypeError(`${method} ${rule}: use route() to pass "methods".`);
      this.addRoute({ rule, options: { ...options, methods: [method] }, handler });
      return this;
    }) as MethodShortcut;
  }

  /**
   * Installs an extension: a function that registers hooks on this app or blueprint, the way a
   * Flask extension's `init_app` does. Middleware such as `secureHeaders()` are extensions.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * const poweredBy = (scope: Vial) => scope.afterRequest((res) => { res.headers.set("x-powered-by", "vial"); return res; });
   * app.use(poweredBy);
   * ```
   */
  use(extension: (scope: this) => void): this {
    extension(this);
    return this;
  }

  /**
   * Runs before each request (of this blueprint, on a blueprint). Returning a value other than
   * `undefined` ends the request with it: later hooks and the handler do not run.
   *
   * @example
   * ```ts
   * import { Vial, abort } from "vial";
   * const app = new Vial();
   * app.beforeRequest((req) => { if (!req.headers.get("x-token")) abort(401); });
   * ```
   */
  beforeRequest(hook: BeforeRequestHook): this {
    this.hooks.beforeRequest.push(hook);
    return this;
  }

  /**
   * Runs after the handler, also for error responses; may return a new response. Hooks run in
   * reverse order of registration, a blueprint's before the app's.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * app.afterRequest((res) => { res.headers.set("x-frame-options", "DENY"); return res; });
   * ```
   */
  afterRequest(hook: AfterRequestHook): this {
    this.hooks.afterRequest.push(hook);
    return this;
  }

  /**
   * Always runs when the request ends, with the unhandled error if there was one.
   *
   * @example
   * ```ts
   * import { Vial } from "vial";
   * const app = new Vial();
   * app.teardownRequest((err, req) => { if (err) console.error("failed:", req.path); });
   * ```
   */
  teardownRequest(hook: TeardownHook): this {
    this.hooks.teardownRequest.push(hook);
    return this;
  }

  /**
   * Handles errors by status code or by class. Lookup: for an HTTP error, the blueprint's handler
   * for its code, then the app's (in each, a handler for a subclass that inherits the code, such
   * as `class Banned extends Forbidden`, comes before the code's own); then by class up the
   * prototype chain (blueprint first).
   *
   * @example
   * ```ts
   * import { Vial, json } from "vial";
   * const app = new Vial();
   * app.errorHandler(404, () => json({ error: "not found" }, { status: 404 }));
   * ```
   */
  errorHandler<E>(codeOrClass: number | ErrorClass<E>, handler: ErrorHandler<E>): this {
    if (typeof codeOrClass === "number") {
      if (!Number.isInteger(codeOrClass) || codeOrClass < 400 || codeOrClass > 599) {
        throw new RangeError(`errorHandler(${codeOrClass}): only 4xx and 5xx codes can have handlers.`);
      }
      this.hooks.errorHandlersByCode.set(codeOrClass, handler);
      return this;
    }
    if (typeof codeOrClass !== "function") {
      throw new TypeError(`errorHandler(${String(codeOrClass)}): pass a status code or an error class, not an instance.`);
    }
    // Flask files a handler under the code its class carries: the class that gives the code
    // (NotFound) stands for the code itself; a subclass that inherits it gets its own entry,
    // found before the code's handler and only for errors of that subclass.
    const status = codeOf(codeOrClass);
    if (status === undefined) this.hooks.errorHandlersByClass.set(codeOrClass, handler);
    else if (codeOf(Object.getPrototypeOf(codeOrClass)) === status) this.hooks.errorHandlersByHttpSubclass.set(codeOrClass, handler);
    else this.hooks.errorHandlersByCode.set(status, handler);
    return this;
  }
}

/** The status an HTTPError class carries (`static status`), if it is one. */
function codeOf(cls: unknown): number | undefined {
  if (typeof cls !== "function" || !(cls === HTTPError || cls.prototype instanceof HTTPError)) return undefined;
  const status = (cls as { status?: unknown }).status;
  return typeof status === "number" ? status : undefined;
}

/** The handler registered for `error`'s class or its nearest ancestor class, if any. */
export function findClassHandler(hooks: HookSet, error: unknown): ErrorHandler | undefined {
  if (hooks.errorHandlersByClass.size === 0 || typeof error !== "object" || error === null) return undefined;
  for (let proto = Object.getPrototypeOf(error) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const handler = hooks.errorHandlersByClass.get(proto.constructor as ErrorClass);
    if (handler) return handler;
  }
  return undefined;
}

/**
 * The handler for an HTTP error whose class inherits its code from a parent class, registered
 * for that subclass or the nearest one above it that is not the code's own class.
 */
export function findHttpSubclassHandler(hooks: HookSet, error: HTTPError): ErrorHandler | undefined {
  if (hooks.errorHandlersByHttpSubclass.size === 0) return undefined;
  for (
    let proto = Object.getPrototypeOf(error) as object | null;
    proto && proto !== HTTPError.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const handler = hooks.errorHandlersByHttpSubclass.get(proto.constructor as ErrorClass);
    if (handler) return handler;
  }
  return undefined;
}
