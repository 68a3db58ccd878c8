/**
 * The static files the worker engine fetches to run learner code (framework bundle, runtime,
 * sucrase, zod, the worker host), served by app/sandbox/[asset]/route.ts from the payload build
 * (.vial-bundle/). The Service Worker precaches them so checks work offline.
 */
import { payloadAssetUrls, PAYLOAD_ASSET_BASE } from "../../sandbox/engines/browser-assets";

/** URLs the offline cache must hold for the worker engine. */
export const PAYLOAD_ASSET_URLS: readonly string[] = payloadAssetUrls("worker");

/**
 * Every bundle name the site serves under /sandbox/ (both engines' payloads).
 *
 * @example
 * servedPayloadAssets(); // ["vial.mjs", "zod.mjs", ...]
 */
export function servedPayloadAssets(): string[] {
  return payloadAssetUrls().map((url) => url.slice(PAYLOAD_ASSET_BASE.length));
}
