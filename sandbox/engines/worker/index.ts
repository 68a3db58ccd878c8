/**
 * The worker engine of the sandbox: learner code in Web Workers of the page, the preview served
 * by the site's Service Worker. The Service Worker side is separate (./preview-sw), so the
 * site's Service Worker bundle does not pull in the page side.
 *
 * @example
 * import { createWorkerSandbox } from "../sandbox/engines/worker";
 * const sandbox = createWorkerSandbox();
 */
export { createWorkerSandbox, WorkerSandbox } from "./worker-sandbox";
export type { WorkerSandboxOptions } from "./worker-sandbox";
export { DEFAULT_PREVIEW_PREFIX } from "./preview-protocol";
