/**
 * The HMAC and compression that signing runs on every session request, replaceable per
 * platform. The defaults, Web Crypto and `CompressionStream`, work everywhere but are
 * asynchronous, and in Node each call is a round trip to the thread pool: a request that reads
 * and writes a session makes three. vial/node registers node:crypto and node:zlib versions,
 * which give the same bytes at once.
 */
import type { Digest } from "./keys.ts";

/**
 * Synchronous versions of what signing needs. Each must give exactly the bytes the Web
 * versions give (HMAC is HMAC; `deflate` is zlib's format at its default level, as Python's
 * `zlib.compress` and `CompressionStream("deflate")` write it).
 *
 * @example
 * ```ts
 * import { createHmac, timingSafeEqual } from "node:crypto";
 * import { deflateSync } from "node:zlib";
 * import type { SigningPrimitives } from "./primitives.ts";
 * const node: SigningPrimitives = {
 *   hmac: (digest, key, data) => createHmac(digest.replace("-", "").toLowerCase(), key).update(data).digest(),
 *   equal: (a, b) => timingSafeEqual(a, b),
 *   deflate: (bytes) => deflateSync(bytes),
 * };
 * ```
 */
export interface SigningPrimitives {
  /**
   * The HMAC of `data` under the raw `key`. Text is hashed as its UTF-8 bytes; signers pass
   * only well-formed text (no lone surrogates), so there is one way to encode it.
   */
  hmac(digest: Digest, key: Uint8Array, data: Uint8Array | string): Uint8Array;
  /** Whether two MACs of the same length are equal, in constant time. */
  equal(a: Uint8Array, b: Uint8Array): boolean;
  /** zlib-compressed bytes (RFC 1950), default level. */
  deflate(bytes: Uint8Array): Uint8Array;
}

// On globalThis under a registered symbol, so every copy of Vial in a process (a bundle and the
// sources, say) sees the same choice.
const SLOT = Symbol.for("vial.signingPrimitives");

/**
 * Makes signing use these primitives (`undefined` goes back to Web Crypto and CompressionStream).
 *
 * @example
 * ```ts
 * import { useSigningPrimitives } from "./primitives.ts";
 * useSigningPrimitives(undefined); // Web Crypto again
 * ```
 */
export function useSigningPrimitives(primitives: SigningPrimitives | undefined): void {
  (globalThis as Record<symbol, unknown>)[SLOT] = primitives;
}

/**
 * The registered primitives, or `undefined` when signing uses the Web APIs.
 *
 * @example
 * ```ts
 * import { signingPrimitives } from "./primitives.ts";
 * const sync = signingPrimitives() !== undefined;
 * ```
 */
export function signingPrimitives(): SigningPrimitives | undefined {
  return (globalThis as Record<symbol, SigningPrimitives | undefined>)[SLOT];
}
