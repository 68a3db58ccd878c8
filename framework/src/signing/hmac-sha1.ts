/**
 * HMAC-SHA1 (RFC 2104 over FIPS 180-4 SHA-1) in plain JavaScript, for the one MAC every Flask
 * session cookie carries. Node's `createHmac` spends about 1.5 µs of fixed cost per call (a
 * native object, the key set up again, a Buffer), while a session cookie is one or two SHA-1
 * blocks. Here the key's inner and outer states are worked out once per key, so a MAC is
 * two or three block compressions and no native call.
 *
 * Timing: the rounds depend only on the message length, never on key or message bytes (no
 * table look-ups, no data-dependent branches), as in any SHA-1. The comparison of MACs stays
 * with `SigningPrimitives.equal`. Property tests check every output against node:crypto.
 */

const BLOCK = 64;
const IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0] as const;

/** The message schedule, reused: computing a MAC is synchronous, so no two can interleave. */
const schedule = new Int32Array(80);
/** Padded message bytes, grown when a longer message comes (cookies stay under 4 KB). */
let scratch = new Uint8Array(4 * BLOCK);
/** The state being worked on. */
const working = new Int32Array(5);
const utf8 = new TextEncoder();

/** One SHA-1 compression of `bytes[offset .. offset + 64)` into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, offset: number): void {
  const w = schedule;
  for (let i = 0; i < 16; i++) {
    const j = offset + 4 * i;
    w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  for (let i = 16; i < 80; i++) {
    const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
    w[i] = (x << 1) | (x >>> 31);
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  // Four loops of twenty rounds, one round function each, so no round picks its function.
  for (let i = 0; i < 20; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + w[i]! + 0x5a827999) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  for (let i = 20; i < 40; i++) {
    const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + w[i]! + 0x6ed9eba1) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  for (let i = 40; i < 60; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + w[i]! + 0x8f1bbcdc) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  for (let i = 60; i < 80; i++) {
    const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + w[i]! + 0xca62c1d6) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = t;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
}

/** Copies `message` to the start of `scratch` (text as UTF-8) and gives its length in bytes. */
function load(message: Uint8Array | string): number {
  if (typeof message !== "string") {
    if (scratch.length < message.length + 2 * BLOCK) scratch = new Uint8Array(2 * (message.length + BLOCK));
    scratch.set(message);
    return message.length;
  }
  // Text is UTF-8 at most 3 bytes a UTF-16 unit; ASCII (tokens, cookies) is copied as it is.
  if (scratch.length < 3 * message.length + 2 * BLOCK) scratch = new Uint8Array(2 * (3 * message.length + BLOCK));
  for (let i = 0; i < message.length; i++) {
    const code = message.charCodeAt(i);
    if (code > 0x7f) return utf8.encodeInto(message, scratch).written;
    scratch[i] = code;
  }
  return message.length;
}

/**
 * Leaves in `working` the state of a hash that started from `start`, having absorbed
 * `absorbed` bytes (a whole number of blocks), after the rest of the message and its padding.
 */
function absorb(start: Int32Array, absorbed: number, message: Uint8Array | string): void {
  const length = load(message);
  const padded = Math.ceil((length + 9) / BLOCK) * BLOCK;
  const bytes = scratch;
  bytes[length] = 0x80;
  bytes.fill(0, length + 1, padded - 8);
  // The length in bits, as a 64-bit big-endian number (messages here are far below 2^53 bits).
  const bits = (absorbed + length) * 8;
  writeWord(bytes, padded - 8, Math.floor(bits / 0x100000000));
  writeWord(bytes, padded - 4, bits >>> 0);
  working.set(start);
  for (let offset = 0; offset < padded; offset += BLOCK) compress(working, bytes, offset);
}

/** The digest held in `working`. */
function digest(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(20);
  for (let i = 0; i < 5; i++) writeWord(bytes, 4 * i, working[i]!);
  return bytes;
}

/**
 * HMAC's outer hash is always one block: the 20-byte inner digest, then padding and the length
 * of 64 + 20 bytes (672 bits), which never change.
 */
const outerBlock = new Uint8Array(BLOCK);
outerBlock[20] = 0x80;
outerBlock[62] = 672 >>> 8;
outerBlock[63] = 672 & 0xff;

function writeWord(bytes: Uint8Array, offset: number, word: number): void {
  bytes[offset] = word >>> 24;
  bytes[offset + 1] = (word >>> 16) & 0xff;
  bytes[offset + 2] = (word >>> 8) & 0xff;
  bytes[offset + 3] = word & 0xff;
}

/**
 * SHA-1 of `message`.
 *
 * @example
 * ```ts
 * sha1(new TextEncoder().encode("abc")); // a9 99 3e 36 ...
 * ```
 */
export function sha1(message: Uint8Array): Uint8Array<ArrayBuffer> {
  absorb(Int32Array.from(IV), 0, message);
  return digest();
}

/** A key made ready for HMAC-SHA1: SHA-1's state after the key XOR ipad, and after the key XOR opad. */
export interface HmacSha1Key {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}

/**
 * Works out the states HMAC-SHA1 starts from for `key` (keys over 64 bytes are hashed first,
 * as RFC 2104 says).
 *
 * @example
 * ```ts
 * const key = prepareHmacSha1Key(new TextEncoder().encode("secret"));
 * ```
 */
export function prepareHmacSha1Key(key: Uint8Array): HmacSha1Key {
  const block = new Uint8Array(BLOCK);
  block.set(key.length > BLOCK ? sha1(key) : key);
  return { inner: padState(block, 0x36), outer: padState(block, 0x5c) };
}

function padState(keyBlock: Uint8Array, pad: number): Int32Array {
  const block = keyBlock.map((byte) => byte ^ pad);
  const state = Int32Array.from(IV);
  compress(state, block, 0);
  return state;
}

/**
 * HMAC-SHA1 of `message` (text as UTF-8) under a prepared key: the same 20 bytes as
 * `createHmac("sha1", key).update(message).digest()`.
 *
 * @example
 * ```ts
 * hmacSha1(prepareHmacSha1Key(key), new TextEncoder().encode("value"));
 * ```
 */
export function hmacSha1(key: HmacSha1Key, message: Uint8Array | string): Uint8Array<ArrayBuffer> {
  absorb(key.inner, BLOCK, message);
  for (let i = 0; i < 5; i++) writeWord(outerBlock, 4 * i, working[i]!);
  working.set(key.outer);
  compress(working, outerBlock, 0);
  return digest();
}
