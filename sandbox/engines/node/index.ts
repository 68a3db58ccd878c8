/**
 * The node engine of the sandbox: learner code in a child `node` process per run.
 *
 * @example
 * import { NodeSandbox } from "../sandbox/engines/node";
 * const sandbox = new NodeSandbox();
 */
export { NodeSandbox } from "./node-sandbox";
export type { NodeSandboxOptions } from "./node-sandbox";
export { confinementNotes } from "./confine";
