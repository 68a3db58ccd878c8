/**
 * scrypt from `node:crypto`, found at run time. Web Crypto has no scrypt, so password hashing
 * borrows Node's where the code runs in Node (or a WebContainer that really provides it) and
 * falls back to PBKDF2 elsewhere. The module itself touches no Node API when it loads, so it can
 * sit in a bundle that also runs in a browser Worker.
 */

/** scrypt parameters, named as in RFC 7914. */
interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** Derives `keyLength` bytes from a password and a salt. */
type ScryptFunction = (password: Uint8Array, salt: Uint8Array, params: ScryptParams) => Promise<Uint8Array>;

interface NodeCryptoScrypt {
  scrypt(
    password: Uint8Array,
    salt: Uint8Array,
    keyLength: number,
    options: { N: number; r: number; p: number; maxmem: number },
    callback: (error: Error | null, key: Uint8Array) => void,
  ): void;
}

/** RFC 7914 §12, first vector: scrypt("", "", N=16, r=1, p=1, 64). */
const KNOWN_ANSWER = "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906";

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function isNode(): boolean {
  const versions = (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions;
  return typeof versions?.node === "string";
}

function wrap(nodeCrypto: NodeCryptoScrypt): ScryptFunction {
  return (password, salt, { N, r, p, keyLength }) =>
    new Promise((resolve, reject) => {
      // Node's default maxmem (32 MiB) is just too small for N=32768, r=8. Werkzeug passes
      // 132*N*r*p; the extra MiB covers small parameters, where OpenSSL's fixed overhead exceeds it.
      const maxmem = 132 * N * r * p + 2 ** 20;
      nodeCrypto.scrypt(password, salt, keyLength, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(new Uint8Array(key))));
    });
}

let cached: Promise<ScryptFunction | undefined> | undefined;

/**
 * Node's scrypt, or `undefined` where there is none (browsers, runtimes without `node:crypto`,
 * or an implementation that fails the RFC 7914 known-answer test).
 *
 * @example
 * ```ts
 * const scrypt = await loadNodeScrypt();
 * if (scrypt) await scrypt(passwordBytes, saltBytes, { N: 32768, r: 8, p: 1, keyLength: 64 });
 * ```
 */
export function loadNodeScrypt(): Promise<ScryptFunction | undefined> {
  cached ??= (async () => {
    if (!isNode()) return undefined;
    try {
      // A computed specifier keeps bundlers from trying to resolve node:crypto for the browser.
      const specifier = "node:crypto";
      const nodeCrypto = (await import(/* @vite-ignore */ specifier)) as Partial<NodeCryptoScrypt>;
      if (typeof nodeCrypto.scrypt !== "function") return undefined;
      const scrypt = wrap(nodeCrypto as NodeCryptoScrypt);
      const empty = new Uint8Array(0);
      const check = await scrypt(empty, empty, { N: 16, r: 1, p: 1, keyLength: 64 });
      return toHex(check) === KNOWN_ANSWER ? scrypt : undefined;
    } catch {
      return undefined;
    }
  })();
  return cached;
}
