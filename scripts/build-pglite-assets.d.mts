/** Types for build-pglite-assets.mjs. */
import type { PgliteAssetName } from "./build-vial-bundle.mjs";

/** Every database file, in the order a page fetches them. */
export const PGLITE_ASSET_NAMES: readonly PgliteAssetName[];

/** Builds PGlite's browser files unless they are there; resolves with each name's absolute path. */
export function buildPgliteAssets(options?: { root?: string; outDir?: string }): Promise<Record<PgliteAssetName, string>>;
