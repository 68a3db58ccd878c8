/**
 * Base64 without `atob`/`btoa` string juggling: bytes in, bytes out. The URL-safe form without
 * padding is what itsdangerous writes; the standard padded form is what Flask's `" b"` tag uses.
 */

const URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const STD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function lookupTable(alphabet: string): Int16Array {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}

const URL_TABLE = lookupTable(URL_ALPHABET);
const STD_TABLE = lookupTable(STD_ALPHABET);

function encode(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += alphabet[b0 >> 2]!;
    out += alphabet[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)]!;
    if (b1 === undefined) {
      if (pad) out += "==";
      break;
    }
    out += alphabet[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)]!;
    if (b2 === undefined) {
      if (pad) out += "=";
      break;
    }
    out += alphabet[b2 & 63]!;
  }
  return out;
}

function decode(text: string, table: Int16Array): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let bitCount = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? table[code]! : -1;
    if (value < 0) return undefined;
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[o++] = (bits >> bitCount) & 0xff;
    }
  }
  // Leftover bits must be zero: one canonical spelling per byte string, so a signature cannot be
  // re-spelled by flipping bits that carry no data.
  if ((bits & ((1 << bitCount) - 1)) !== 0) return undefined;
  return out;
}

/**
 * Encodes bytes as URL-safe base64 without `=` padding (RFC 4648 §5), as itsdangerous does.
 *
 * @example
 * ```ts
 * base64UrlEncode(new Uint8Array([0x65, 0x53, 0xf1, 0x00])); // "ZVPxAA"
 * ```
 */
export function base64UrlEncode(bytes: Uint8Array): string {
  return encode(bytes, URL_ALPHABET, false);
}

/**
 * Decodes unpadded URL-safe base64. Returns `undefined` for any character outside the alphabet
 * (padding included), an impossible length or non-zero leftover bits, so callers decide which
 * error that is.
 *
 * @example
 * ```ts
 * base64UrlDecode("ZVPxAA"); // Uint8Array [0x65, 0x53, 0xf1, 0x00]
 * base64UrlDecode("a+b");    // undefined
 * ```
 */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  return decode(text, URL_TABLE);
}

/**
 * Encodes bytes as standard, padded base64 (Python's `base64.b64encode`).
 *
 * @example
 * ```ts
 * base64Encode(new TextEncoder().encode("hi")); // "aGk="
 * ```
 */
export function base64Encode(bytes: Uint8Array): string {
  return encode(bytes, STD_ALPHABET, true);
}

/**
 * Decodes standard base64, with or without trailing `=` padding; `undefined` when malformed.
 *
 * @example
 * ```ts
 * base64Decode("aGk="); // Uint8Array [0x68, 0x69]
 * ```
 */
export function base64Decode(text: string): Uint8Array | undefined {
  const unpadded = text.replace(/={1,2}$/, "");
  if (unpadded !== text && text.length % 4 !== 0) return undefined;
  return decode(unpadded, STD_TABLE);
}

/**
 * Big-endian bytes of a non-negative integer with leading zero bytes stripped (itsdangerous'
 * `int_to_bytes`), so 0 is the empty array.
 *
 * @example
 * ```ts
 * intToBytes(1700000000); // Uint8Array [0x65, 0x53, 0xf1, 0x00]
 * ```
 */
export function intToBytes(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Cannot encode ${value} as a timestamp`);
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.from(bytes);
}

/**
 * Reads big-endian bytes as an unsigned integer (itsdangerous' `bytes_to_int`). Values past
 * 2^53 lose precision, which only matters for timestamps no honest signer writes.
 *
 * @example
 * ```ts
 * bytesToInt(new Uint8Array([0x65, 0x53, 0xf1, 0x00])); // 1700000000
 * ```
 */
export function bytesToInt(bytes: Uint8Array): number {
  let value = 0;
  for (let i = 0; i < bytes.length; i++) value = value * 256 + bytes[i]!;
  return value;
}
