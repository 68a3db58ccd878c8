/**
 * `vial/node`: the Node-only parts of Vial — the `node:http` adapter. Everything else is in `vial`.
 */
export { serve, type ServeOptions, type VialServer, type FetchApp } from "./serve.ts";
export { toDeferredRequest, toWebRequest, InvalidHostError } from "./incoming.ts";
export type { DiskUploadOptions } from "./disk-uploads.ts";
export { writeWebResponse } from "./outgoing.ts";
export { staticFiles, diskFileSource, sendFromDirectory } from "./static-files.ts";
// Signing (sessions, tokens) on node:crypto and node:zlib: same bytes, no thread-pool round trips.
import "./signing-primitives.ts";
