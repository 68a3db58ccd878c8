/**
 * The WebContainer engine of the sandbox: StackBlitz's in-browser Node runs the node-mode
 * payload. Needs a cross-origin isolated page and a network connection to StackBlitz.
 *
 * @example
 * import { bootWebContainer, createWebContainerSandbox } from "../sandbox/engines/webcontainer";
 * const sandbox = createWebContainerSandbox({ webcontainer: await bootWebContainer() });
 */
export { createWebContainerSandbox, WebContainerSandbox } from "./webcontainer-sandbox";
export type { WebContainerSandboxOptions, WebContainerShell } from "./webcontainer-sandbox";
export { allowWebContainerBoot, BOOT_TIMEOUT_MS, bootWebContainer, tearDownWebContainer, WebContainerBootTimeout, WebContainerUnavailable } from "./boot";
export type { BootOptions } from "./boot";
export { toFileSystemTree } from "./file-tree";
export type { WebContainerLike, ProcessLike, FileSystemLike } from "./types";
