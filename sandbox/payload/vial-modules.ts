/**
 * The framework's bundles (`vial.mjs` for the Worker engine, `vial-node.mjs` for node and
 * WebContainers) hold one copy of the framework with each entry point as a namespace, so that
 * `vial`, `vial/testing` and the other subpaths share its classes (`instanceof HTTPError` holds
 * across them). This names the namespaces as lesson code and checks import them.
 */

/** A framework bundle's namespaces (scripts/build-vial-bundle.mjs): the core and its subpaths; `node` and `db` only in vial-node.mjs. */
export interface VialBundle {
  core: unknown;
  testing: unknown;
  signing: unknown;
  routing: unknown;
  cookies: unknown;
  node?: unknown;
  db?: unknown;
}

/**
 * The modules a bundle provides, by the specifier lesson code imports.
 *
 * @example
 * ```ts
 * import { vialModules } from "./vial-modules.ts";
 * declare const bundle: import("./vial-modules.ts").VialBundle;
 * const modules = vialModules(bundle); // { vial, "vial/testing", "vial/signing", ... }
 * ```
 */
export function vialModules(bundle: VialBundle): Record<string, unknown> {
  const modules: Record<string, unknown> = {};
  for (const name of ["testing", "signing", "routing", "cookies", "node", "db"] as const) {
    if (bundle[name] !== undefined) modules[`vial/${name}`] = bundle[name];
  }
  modules.vial = pointToSubpaths(bundle.core, modules);
  return modules;
}

/**
 * The root `vial` module, where reading a name that lives only in a subpath throws an error
 * naming that subpath. Learner work saved before names such as `TestClient` moved to
 * `vial/testing` still imports them from "vial"; compiled to CommonJS that would be a silent
 * `undefined` and a confusing "is not a constructor" later.
 */
function pointToSubpaths(core: unknown, subpaths: Record<string, unknown>): unknown {
  if (typeof core !== "object" || core === null) return core;
  const home = new Map<string, string>();
  for (const [specifier, namespace] of Object.entries(subpaths)) {
    for (const name of Object.keys(namespace as object)) {
      if (!(name in core) && !home.has(name)) home.set(name, specifier);
    }
  }
  return new Proxy(core, {
    get(target, key, receiver) {
      const specifier = typeof key === "string" ? home.get(key) : undefined;
      if (specifier && !(key in target)) {
        throw new Error(`"vial" has no export ${String(key)}: it is in "${specifier}". Write: import { ${String(key)} } from "${specifier}";`);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
