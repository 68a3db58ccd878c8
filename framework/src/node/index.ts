/**
 * `vial/node`: the Node-only parts of Vial — the `node:http` adapter. Everything else is in `vial`.
 */
export { serve, type ServeOptions, type VialServer, type FetchApp } from "./serve";
export { toDeferredRequest, toWebRequest, InvalidHostError } from "./incoming";
export type { DiskUploadOptions } from "./disk-uploads";
export { writeWebResponse } from "./outgoing";
export { staticFiles, diskFileSource, sendFromDirectory } from "./static-files";
// Signing (sessions, tokens) on node:crypto and node:zlib: same bytes, no thread-pool round trips.
import "./signing-primitives";
