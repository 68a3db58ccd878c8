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
  const modules: Record<string, unknown> = { vial: bundle.core };
  for (const name of ["testing", "signing", "routing", "cookies", "node", "db"] as const) {
    if (bundle[name] !== undefined) modules[`vial/${name}`] = bundle[name];
  }
  return modules;
}
