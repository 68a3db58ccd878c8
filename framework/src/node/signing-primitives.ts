/**
 * node:crypto and node:zlib for Vial's signing: the same bytes as Web Crypto and
 * CompressionStream, without a trip to the thread pool for every HMAC (see
 * `signing/primitives.ts`); HMAC-SHA1, Flask's session MAC, in JavaScript. Importing
 * vial/node registers them.
 */
import { createHmac } from "node:crypto";
import { deflateSync } from "node:zlib";
import { hmacSha1, prepareHmacSha1Key, type HmacSha1Key } from "../signing/hmac-sha1.ts";
import type { Digest } from "../signing/keys.ts";
import { useSigningPrimitives, type SigningPrimitives } from "../signing/primitives.ts";

const HASH_NAMES: Record<Digest, string> = { "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };

/** Each SHA-1 key's prepared states, with a copy of the key to notice a key changed in place. */
const sha1Keys = new WeakMap<Uint8Array, { copy: Uint8Array; prepared: HmacSha1Key }>();

/**
 * HMAC-SHA1 in JavaScript (`signing/hmac-sha1.ts`): a session cookie is two or three SHA-1
 * blocks, less work than node:crypto's fixed cost per call. Signers keep their derived keys,
 * so the states are worked out once per key.
 */
function sha1Mac(key: Uint8Array, data: Uint8Array | string): Uint8Array {
  let entry = sha1Keys.get(key);
  if (!entry || !sameBytes(entry.copy, key)) {
    entry = { copy: key.slice(), prepared: prepareHmacSha1Key(key) };
    sha1Keys.set(key, entry);
  }
  return hmacSha1(entry.prepared, data);
}

/**
 * Byte equality in constant time for equal lengths: every byte is read and the differences are
 * OR-ed together, with no early exit. For MACs this replaces `timingSafeEqual`, which costs
 * about 0.4 µs on small fresh Uint8Arrays (V8 moves their bytes off the heap to hand them to
 * C++), more than the HMAC itself. Lengths are not secret (a MAC's length is its hash's).
 */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

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
    if (digest === "SHA-1") return sha1Mac(key, data);
    const bytes = createHmac(HASH_NAMES[digest], key).update(data).digest();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
  equal: sameBytes,
  deflate: (bytes) => {
    const compressed = deflateSync(bytes);
    return new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength);
  },
};

useSigningPrimitives(nodeSigningPrimitives);
