/**
 * node:crypto and node:zlib for Vial's signing: the same bytes as Web Crypto and
 * CompressionStream, without a trip to the thread pool for every HMAC (see
 * `signing/primitives.ts`). Importing vial/node registers them.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { deflateSync } from "node:zlib";
import type { Digest } from "../signing/keys.ts";
import { useSigningPrimitives, type SigningPrimitives } from "../signing/primitives.ts";

const HASH_NAMES: Record<Digest, string> = { "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };

/**
 * Signing primitives on node:crypto and node:zlib.
 *
 * @example
 * ```ts
 * import { nodeSigningPrimitives } from "./signing-primitives.ts";
 * nodeSigningPrimitives.hmac("SHA-256", new Uint8Array(32), new TextEncoder().encode("hello")).length; // 32
 * ```
 */
export const nodeSigningPrimitives: SigningPrimitives = {
  hmac: (digest, key, data) => {
    const bytes = createHmac(HASH_NAMES[digest], key).update(data).digest();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
  equal: (a, b) => timingSafeEqual(a, b),
  deflate: (bytes) => {
    const compressed = deflateSync(bytes);
    return new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength);
  },
};

useSigningPrimitives(nodeSigningPrimitives);
