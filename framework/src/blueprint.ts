/**
 * Blueprints group routes, hooks and error handlers under a name and a URL prefix, as in Flask.
 * A blueprint records what is declared on it; registering it on an app (or a parent blueprint)
 * replays the routes there with the prefix and the dotted endpoint names.
 */
import { Scaffold, type RouteDeclaration } from "./scaffold.ts";

/**
 * Options of a blueprint, and of one registration of it.
 *
 * @example
 * ```ts
 * import { Blueprint, type BlueprintOptions } from "vial";
 * const options: BlueprintOptions = { urlPrefix: "/api" };
 * const api = new Blueprint("api", options);
 * ```
 */
export interface BlueprintOptions {
  /** Prefix for every rule, e.g. `"/auth"`. */
  urlPrefix?: string;
  /**
   * Defaults for every rule of this blueprint (Flask's `url_defaults`); a route's own `defaults`
   * win. Given at registration too, where they add to (and override) the blueprint's.
   */
  urlDefaults?: Readonly<Record<string, unknown>>;
}

/**
 * Options for registering a blueprint.
 *
 * @example
 * ```ts
 * import { Vial, Blueprint } from "vial";
 * const app = new Vial();
 * const pages = new Blueprint("pages");
 * app.register(pages, { urlPrefix: "/en", name: "pages_en" });
 * ```
 */
export interface RegisterOptions extends BlueprintOptions {
  /** Register under another name (lets one blueprint be registered twice). */
  name?: string;
}

/** One blueprint as seen from the app: its full dotted name and where its hooks live. */
export interface RegisteredBlueprint {
  readonly name: string;
  readonly blueprint: Blueprint;
}

/** What a blueprint hands to the app when it is registered. */
interface BlueprintRoute extends RouteDeclaration {
  /** Full dotted names of the enclosing blueprints, innermost first. */
  blueprints: string[];
}

/**
 * A named group of routes with its own prefix, hooks and error handlers.
 *
 * @example
 * ```ts
 * import { Vial, Blueprint } from "vial";
 * const auth = new Blueprint("auth", { urlPrefix: "/auth" });
 * auth.get("/login", { endpoint: "login" }, () => "login form");
 * const app = new Vial();
 * app.register(auth);
 * app.urlFor("auth.login"); // "/auth/login"
 * ```
 */
export class Blueprint extends Scaffold {
  readonly name: string;
  readonly urlPrefix: string;
  readonly urlDefaults: Readonly<Record<string, unknown>>;
  readonly #routes: RouteDeclaration[] = [];
  readonly #children: { blueprint: Blueprint; options: RegisterOptions }[] = [];
  #registered = false;

  constructor(name: string, options: BlueprintOptions = {}) {
    super();
    validateBlueprintName(name);
    this.name = name;
    this.urlPrefix = options.urlPrefix ?? "";
    this.urlDefaults = options.urlDefaults ?? {};
  }

  protected addRoute(declaration: RouteDeclaration): void {
    this.#assertOpen("add a route");
    // Refused when declared, as Flask's Blueprint.add_url_rule does: on a blueprint the dot
    // separates the blueprint's name from the endpoint.
    const { endpoint } = declaration.options;
    if (endpoint?.includes(".")) {
      throw new Error(`Endpoint "${endpoint}" on blueprint "${this.name}" must not contain a dot: dots separate blueprint names.`);
    }
    if (typeof declaration.handler === "function" && declaration.handler.name.includes(".")) {
      throw new Error(`Handler "${declaration.handler.name}" on blueprint "${this.name}" must not have a dot in its name: dots separate blueprint names.`);
    }
    this.#routes.push(declaration);
  }

  /**
   * Nests another blueprint inside this one: its name becomes `parent.child` and its prefix is
   * appended to this blueprint's.
   *
   * @example
   * ```ts
   * import { Blueprint } from "vial";
   * const api = new Blueprint("api", { urlPrefix: "/api" });
   * api.register(new Blueprint("v1", { urlPrefix: "/v1" }));
   * ```
   */
  register(child: Blueprint, options: RegisterOptions = {}): this {
    if (child === this) throw new Error(`Blueprint "${this.name}" cannot be registered on itself.`);
    this.#assertOpen("register a blueprint");
    this.#children.push({ blueprint: child, options });
    return this;
  }

  /**
   * Flattens this blueprint (and its children) into routes and named blueprints for the app.
   * @internal
   */
  collect(options: RegisterOptions, parent?: { name: string; prefix: string }): { routes: BlueprintRoute[]; blueprints: RegisteredBlueprint[] } {
    if (options.name !== undefined) validateBlueprintName(options.name);
    this.#registered = true;
    const ownName = options.name ?? this.name;
    const fullName = parent ? `${parent.name}.${ownName}` : ownName;
    const prefix = joinPrefix(parent?.prefix ?? "", options.urlPrefix ?? this.urlPrefix);
    const urlDefaults = { ...this.urlDefaults, ...options.urlDefaults };
    const routes: BlueprintRoute[] = this.#routes.map((route) => ({
      ...route,
      options: Object.keys(urlDefaults).length === 0 ? route.options : { ...route.options, defaults: { ...urlDefaults, ...route.options.defaults } },
      rule: joinPrefix(prefix, route.rule),
      blueprints: [fullName, ...ancestors(fullName)],
    }));
    const blueprints: RegisteredBlueprint[] = [{ name: fullName, blueprint: this }];
    for (const child of this.#children) {
      const nested = child.blueprint.collect(child.options, { name: fullName, prefix });
      routes.push(...nested.routes);
      blueprints.push(...nested.blueprints);
    }
    return { routes, blueprints };
  }

  #assertOpen(action: string): void {
    if (this.#registered) {
      throw new Error(`Blueprint "${this.name}" is already registered; ${action} before registering it.`);
    }
  }
}

function validateBlueprintName(name: string): void {
  if (typeof name !== "string" || name.trim() === "") throw new Error("A blueprint's name must not be empty.");
  if (name.includes(".")) throw new Error(`Blueprint name "${name}" must not contain a dot: dots separate nested blueprint names.`);
}

/** "a.b.c" -> ["a.b", "a"] */
function ancestors(fullName: string): string[] {
  const parts = fullName.split(".");
  const result: string[] = [];
  for (let i = parts.length - 1; i > 0; i--) result.push(parts.slice(0, i).join("."));
  return result;
}

/** Joins URL prefixes and rules without doubling or dropping the slash between them. */
function joinPrefix(prefix: string, rule: string): string {
  if (!prefix) return rule;
  if (!rule) return prefix;
  return `${prefix.replace(/\/+$/, "")}/${rule.replace(/^\/+/, "")}`;
}
