/**
 * The static files the worker engine fetches to run learner code (framework bundle, runtime,
 * sucrase, zod, the worker host), served by app/sandbox/[asset]/route.ts from the payload build
 * (.vial-bundle/). The Service Worker precaches them so checks work offline.
 */
import { DATABASE_FILE_NAMES, payloadAssetUrls, PAYLOAD_ASSET_BASE } from "../../sandbox/engines/browser-assets";

/** URLs the offline cache must hold for the worker engine. */
export const PAYLOAD_ASSET_URLS: readonly string[] = payloadAssetUrls("worker");

/**
 * Every bundle name the site serves under /sandbox/ (both engines' payloads).
 *
 * @example
 * servedPayloadAssets(); // ["vial.mjs", "zod.mjs", ...]
 */
export function servedPayloadAssets(): string[] {
  return [...payloadAssetUrls().map((url) => url.slice(PAYLOAD_ASSET_BASE.length)), ...Object.values(DATABASE_FILE_NAMES)];
}

/**
 * The Content-Type the site serves a sandbox file with (PGlite's files are binary, but for its code).
 *
 * @example
 * payloadAssetType("pglite.wasm"); // "application/wasm"
 */
export function payloadAssetType(name: string): string {
  if (name.endsWith(".mjs")) return "text/javascript; charset=utf-8";
  if (name.endsWith(".wasm")) return "application/wasm";
  return name.endsWith(".gz") ? "application/gzip" : "application/octet-stream";
}
