/**
 * The site's sandbox opener, over the browser engines in sandbox/engines.
 *
 * ENGINE IMPORT POINT: the worker and webcontainer engines are being built in
 * sandbox/engines/{worker,webcontainer} and sandbox/engines/pick.ts. Until they land this opener
 * reports that no browser engine is available, and the workspace shows that with a retry.
 */
import type { EngineKind } from "../state/engine-store";
import type { OpenedSandbox, SandboxOpener } from "./opener";

/**
 * Opens a sandbox for the workspace.
 *
 * @example
 * const { sandbox, kind, reason } = await openBrowserSandbox(null);
 */
export const openBrowserSandbox: SandboxOpener = async (_preferred: EngineKind | null): Promise<OpenedSandbox> => {
  throw new Error("No browser engine is available in this build of the site yet.");
};
