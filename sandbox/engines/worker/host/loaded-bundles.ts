import type * as Runtime from "../../../payload/runtime/index";
import type { Transform } from "../../../payload/runtime/module-loader";
import type { HostMessage, PageMessage } from "../protocol";
import type { OutputSink } from "./console-capture";
import type { VialBundle } from "../../../payload/vial-modules";

/** The payload's bundles, imported by the host from the runner's `blob:` URLs. */
export interface LoadedBundles {
  runtime: typeof Runtime;
  transform: Transform;
  vial: VialBundle;
  /** zod is large: imported only when a file mentions it. */
  zodUrl: string;
}

/** What every role gets from the host: the private port's two directions and the output sink. */
export interface HostScope {
  post(message: HostMessage, transfer?: Transferable[]): void;
  sink: OutputSink;
  /** Sets the handler for the page's messages after the role (earlier ones are replayed). */
  onPageMessage(handler: (message: PageMessage) => void): void;
}

/**
 * True when any of these sources imports `name` ("zod"), so the bundle is worth loading.
 *
 * @example
 * importsModule({ "app.ts": `import { z } from "zod";` }, "zod") // true
 */
export function importsModule(sources: Iterable<string>, name: string): boolean {
  const pattern = new RegExp(`["']${name}["']`);
  for (const source of sources) if (pattern.test(source)) return true;
  return false;
}
