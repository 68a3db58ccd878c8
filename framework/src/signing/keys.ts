/**
 * Key derivation and HMAC on Web Crypto, matching itsdangerous' `Signer.derive_key` so a key
 * derived here signs exactly what itsdangerous (and therefore Flask) signs.
 */

/** A secret as given by the user: text (UTF-8 encoded, as Python's `want_bytes` does) or bytes. */
export type SecretKey = string | Uint8Array;

/** How the signing key is derived from the secret and the salt (itsdangerous' `key_derivation`). */
export type KeyDerivation = "hmac" | "django-concat" | "concat" | "none";

/** Hash used both for key derivation and for the HMAC signature. */
export type Digest = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

const encoder = new TextEncoder();

/** UTF-8 bytes of text; bytes pass through. */
export function toBytes(value: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof value !== "string") return new Uint8Array(value);
  return asciiBytes(value) ?? encoder.encode(value);
}

/**
 * The bytes of an all-ASCII string, or `undefined` if it is not. Signed values and Python-style
 * JSON are ASCII, and for strings this short TextEncoder's fixed cost dominates.
 */
function asciiBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return undefined;
    bytes[i] = code;
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Imports raw bytes as an HMAC key. Web Crypto refuses empty keys, but HMAC pads short keys with
 * zeros to the block size, so a single zero byte is the same key as no bytes at all.
 */
export function importHmacKey(raw: Uint8Array, digest: Digest): Promise<CryptoKey> {
  const bytes = raw.length === 0 ? new Uint8Array(1) : new Uint8Array(raw);
  return crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: digest }, false, ["sign", "verify"]);
}

async function hmac(key: Uint8Array, message: Uint8Array, digest: Digest): Promise<Uint8Array> {
  const cryptoKey = await importHmacKey(key, digest);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, new Uint8Array(message)));
}

async function hash(message: Uint8Array<ArrayBuffer>, digest: Digest): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(digest, message));
}

/**
 * The HMAC key for one secret, derived the way itsdangerous does (`hmac` → HMAC(secret, salt);
 * `django-concat` → H(salt + "signer" + secret); `concat` → H(salt + secret); `none` → the
 * secret itself), as raw bytes for the HMAC implementations in `primitives.ts`.
 *
 * @example
 * ```ts
 * const raw = await deriveKeyBytes("dev-secret", "cookie-session", "hmac", "SHA-1"); // 20 bytes
 * ```
 */
export async function deriveKeyBytes(secret: SecretKey, salt: string | Uint8Array, derivation: KeyDerivation, digest: Digest): Promise<Uint8Array> {
  const secretBytes = toBytes(secret);
  const saltBytes = toBytes(salt);
  let raw: Uint8Array;
  switch (derivation) {
    case "hmac":
      raw = await hmac(secretBytes, saltBytes, digest);
      break;
    case "django-concat":
      raw = await hash(concat(saltBytes, encoder.encode("signer"), secretBytes), digest);
      break;
    case "concat":
      raw = await hash(concat(saltBytes, secretBytes), digest);
      break;
    case "none":
      raw = secretBytes;
      break;
    default:
      throw new TypeError(`Unknown key derivation ${JSON.stringify(derivation)}`);
  }
  return raw;
}
