import { base64UrlDecode, base64UrlEncode } from "./base64.ts";
import { BadSignature } from "./errors.ts";
import { after, type Eventually } from "./eventually.ts";
import { deriveKeyBytes, importHmacKey, toBytes } from "./keys.ts";
import { signingPrimitives } from "./primitives.ts";
import type { Digest, KeyDerivation, SecretKey } from "./keys.ts";

/**
 * Options of {@link Signer}; the defaults are itsdangerous' own.
 *
 * @example
 * ```ts
 * import { Signer, type SignerOptions } from "vial/signing";
 *
 * const options: SignerOptions = { salt: "unsubscribe", digest: "SHA-256" };
 * const signer = new Signer("secret", options);
 * ```
 */
export interface SignerOptions {
  /** Namespaces the derived key, so a token for one purpose is useless for another. Default `"itsdangerous.Signer"`. */
  salt?: string;
  /** Default `"django-concat"` (itsdangerous' default); Flask sessions use `"hmac"`. */
  keyDerivation?: KeyDerivation;
  /** Default `"SHA-1"`, as itsdangerous and Flask. */
  digest?: Digest;
  /** Separator between value and signature; must not be a base64url character. Default `"."`. */
  sep?: string;
}

const BASE64_ALPHABET = /[A-Za-z0-9\-_=]/;
/**
 * A lone surrogate encodes to U+FFFD in UTF-8, so two different strings would share a signature;
 * Python refuses to encode them, and so do we.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` holds a lone surrogate. The regex runs only on text with a surrogate at all: most tokens are ASCII. */
function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return LONE_SURROGATE.test(value);
  }
  return false;
}

/**
 * Signs strings with an HMAC of a key derived from a secret and a salt, like itsdangerous'
 * `Signer`. Several secrets enable key rotation: list them oldest → newest; the newest signs,
 * every one verifies (newest first), and an old key can never sign.
 *
 * @example
 * ```ts
 * const signer = new Signer(["old-secret", "new-secret"], { salt: "activate" });
 * const token = await signer.sign("user-42");   // "user-42.<signature by new-secret>"
 * await signer.unsign(token);                   // "user-42"
 * await signer.validate("user-42.forged");      // false
 * ```
 */
export class Signer {
  readonly salt: string;
  readonly keyDerivation: KeyDerivation;
  readonly digest: Digest;
  readonly sep: string;
  /** Secrets, newest first: the order in which they are tried. */
  readonly #secretsNewestFirst: readonly SecretKey[];
  readonly #keys = new Map<number, Promise<CryptoKey>>();
  /** Raw keys: a promise while deriving, then the bytes, so signing with them needs no promise. */
  readonly #rawKeys = new Map<number, Eventually<Uint8Array>>();

  constructor(secretKeys: SecretKey | readonly SecretKey[], options: SignerOptions = {}) {
    const secrets: SecretKey[] = typeof secretKeys === "string" || secretKeys instanceof Uint8Array ? [secretKeys] : [...secretKeys];
    if (secrets.length === 0) throw new TypeError("Signer needs at least one secret key");
    for (const secret of secrets) {
      if (typeof secret !== "string" && !(secret instanceof Uint8Array)) {
        throw new TypeError("Secret keys must be strings or Uint8Arrays");
      }
    }
    this.#secretsNewestFirst = secrets.reverse();
    this.salt = options.salt ?? "itsdangerous.Signer";
    this.keyDerivation = options.keyDerivation ?? "django-concat";
    this.digest = options.digest ?? "SHA-1";
    this.sep = options.sep ?? ".";
    if (this.sep === "" || BASE64_ALPHABET.test(this.sep)) {
      throw new TypeError(`The separator ${JSON.stringify(this.sep)} cannot be empty or a base64url character`);
    }
  }

  /** The derived key of the secret at `index` (0 = newest), computed once. */
  #key(index: number): Promise<CryptoKey> {
    let key = this.#keys.get(index);
    if (!key) {
      key = Promise.resolve(this.#rawKey(index)).then((raw) => importHmacKey(raw, this.digest));
      this.#keys.set(index, key);
    }
    return key;
  }

  /** The same key as raw bytes, for registered synchronous HMAC (see `primitives.ts`); plain bytes once derived. */
  #rawKey(index: number): Eventually<Uint8Array> {
    let raw = this.#rawKeys.get(index);
    if (!raw) {
      raw = deriveKeyBytes(this.#secretsNewestFirst[index]!, this.salt, this.keyDerivation, this.digest).then((bytes) => {
        this.#rawKeys.set(index, bytes);
        return bytes;
      });
      this.#rawKeys.set(index, raw);
    }
    return raw;
  }

  /**
   * The base64url signature of `value`, made with the newest secret.
   *
   * @example
   * ```ts
   * await new Signer("secret").getSignature("hello");
   * ```
   */
  async getSignature(value: string): Promise<string> {
    return this.#signature(value);
  }

  #signature(value: string): Eventually<string> {
    if (hasLoneSurrogate(value)) throw new TypeError("Cannot sign a string containing a lone surrogate");
    const primitives = signingPrimitives();
    // The text itself, not its bytes: well-formed text is hashed as UTF-8 without a copy in between.
    if (primitives) return after(this.#rawKey(0), (key) => base64UrlEncode(primitives.hmac(this.digest, key, value)));
    return this.#key(0).then(async (key) => base64UrlEncode(new Uint8Array(await crypto.subtle.sign("HMAC", key, toBytes(value)))));
  }

  /**
   * Whether `signature` signs `value` under any of the secrets. The HMAC comparison happens
   * inside `crypto.subtle.verify` (or the registered primitives' `equal`), in constant time.
   *
   * @example
   * ```ts
   * await signer.verifySignature("hello", await signer.getSignature("hello")); // true
   * ```
   */
  async verifySignature(value: string, signature: string): Promise<boolean> {
    return this.#verify(value, signature);
  }

  #verify(value: string, signature: string): Eventually<boolean> {
    const signatureBytes = base64UrlDecode(signature);
    if (!signatureBytes || hasLoneSurrogate(value)) return false;
    const primitives = signingPrimitives();
    if (!primitives) return this.#verifyOnWebCrypto(toBytes(value), signatureBytes);
    const tryKey = (index: number): Eventually<boolean> => {
      if (index >= this.#secretsNewestFirst.length) return false;
      return after(this.#rawKey(index), (key) => {
        const expected = primitives.hmac(this.digest, key, value);
        return (expected.length === signatureBytes.length && primitives.equal(expected, signatureBytes)) || tryKey(index + 1);
      });
    };
    return tryKey(0);
  }

  async #verifyOnWebCrypto(data: Uint8Array<ArrayBuffer>, signatureBytes: Uint8Array): Promise<boolean> {
    for (let index = 0; index < this.#secretsNewestFirst.length; index++) {
      const key = await this.#key(index);
      if (await crypto.subtle.verify("HMAC", key, new Uint8Array(signatureBytes), data)) return true;
    }
    return false;
  }

  /**
   * Appends the separator and the signature to `value`.
   *
   * @example
   * ```ts
   * await new Signer("secret").sign("hello"); // "hello.<27 base64url characters>"
   * ```
   */
  async sign(value: string): Promise<string> {
    return this.signNow(value);
  }

  /**
   * {@link Signer.sign} without a promise when it can: with synchronous signing primitives
   * (vial/node registers them) and the key derived, the signed string comes back at once.
   * Sessions sign on every request that changes them, so their hot path uses this.
   *
   * @example
   * ```ts
   * const signed = signer.signNow("hello"); // a string under vial/node, else a Promise of it
   * ```
   */
  signNow(value: string): Eventually<string> {
    return after(this.#signature(value), (signature) => `${value}${this.sep}${signature}`);
  }

  /**
   * Returns the value of a signed string, or throws {@link BadSignature} when the signature is
   * missing or does not match.
   *
   * @example
   * ```ts
   * await signer.unsign(await signer.sign("hello")); // "hello"
   * ```
   */
  async unsign(signedValue: string): Promise<string> {
    return this.unsignNow(signedValue);
  }

  /**
   * {@link Signer.unsign} without a promise when it can (see {@link Signer.signNow}); a bad
   * signature throws at once then, or rejects the promise otherwise.
   *
   * @example
   * ```ts
   * const value = await signer.unsignNow(signed); // await works either way
   * ```
   */
  unsignNow(signedValue: string): Eventually<string> {
    const at = signedValue.lastIndexOf(this.sep);
    if (at < 0) throw new BadSignature(`No ${JSON.stringify(this.sep)} found in value`);
    const value = signedValue.slice(0, at);
    const signature = signedValue.slice(at + this.sep.length);
    return after(this.#verify(value, signature), (ok) => {
      if (ok) return value;
      throw new BadSignature(`Signature ${JSON.stringify(signature)} does not match`, value);
    });
  }

  /**
   * `true` when {@link Signer.unsign} would succeed.
   *
   * @example
   * ```ts
   * await signer.validate("hello.bogus"); // false
   * ```
   */
  async validate(signedValue: string): Promise<boolean> {
    try {
      await this.unsign(signedValue);
      return true;
    } catch (error) {
      if (error instanceof BadSignature) return false;
      throw error;
    }
  }
}
