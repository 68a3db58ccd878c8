/**
 * The payload encoding of itsdangerous' URL-safe serializers: base64url of the JSON bytes, or
 * `"." + base64url(zlib(JSON))` when compression saves more than a byte. `"deflate"` in
 * CompressionStream is the zlib format (RFC 1950), the same as Python's `zlib.compress`.
 */
import { base64UrlDecode, base64UrlEncode } from "./base64.ts";
import { BadPayload } from "./errors.ts";
import { after, type Eventually } from "./eventually.ts";
import { toBytes } from "./keys.ts";
import { signingPrimitives } from "./primitives.ts";

const strictDecoder = new TextDecoder("utf-8", { fatal: true });

async function pipe(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // pipeThrough owns the error handling of the writable side, so a corrupt stream rejects here
  // instead of leaving an unhandled rejection behind.
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Compresses bytes into the zlib format.
 *
 * @example
 * ```ts
 * const compressed = await zlibCompress(new TextEncoder().encode("a".repeat(200)));
 * ```
 */
export async function zlibCompress(bytes: Uint8Array): Promise<Uint8Array> {
  return deflateNow(bytes);
}

function deflateNow(bytes: Uint8Array): Eventually<Uint8Array> {
  // Every session save may try compression; a registered synchronous zlib spares the stream machinery.
  const primitives = signingPrimitives();
  return primitives ? primitives.deflate(bytes) : pipe(new Uint8Array(bytes), new CompressionStream("deflate"));
}

/**
 * Decompresses zlib-format bytes; rejects when they are not a complete zlib stream.
 *
 * @example
 * ```ts
 * await zlibDecompress(await zlibCompress(bytes)); // bytes
 * ```
 */
export function zlibDecompress(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(new Uint8Array(bytes), new DecompressionStream("deflate"));
}

/**
 * Encodes JSON text as an itsdangerous URL-safe payload, compressed when that is shorter.
 *
 * @example
 * ```ts
 * await encodePayload('{"a":1}');          // "eyJhIjoxfQ"
 * await encodePayload(JSON.stringify("x".repeat(200))); // ".eJxT..."
 * ```
 */
export async function encodePayload(json: string): Promise<string> {
  return encodePayloadNow(json);
}

/**
 * {@link encodePayload} without a promise when no compression is tried or zlib is synchronous
 * (vial/node registers it).
 *
 * @example
 * ```ts
 * encodePayloadNow('{"a":1}'); // "eyJhIjoxfQ", at once
 * ```
 */
export function encodePayloadNow(json: string): Eventually<string> {
  const bytes = toBytes(json);
  if (!compressionCanWin(bytes)) return base64UrlEncode(bytes);
  return after(deflateNow(bytes), (compressed) => (compressed.length < bytes.length - 1 ? `.${base64UrlEncode(compressed)}` : base64UrlEncode(bytes)));
}

/**
 * `false` when zlib cannot possibly make these bytes 2 shorter, so trying is a waste (a zlib
 * stream costs far more to set up than a small session costs to sign). zlib adds 6 bytes, so
 * winning needs a deflate stream of at most 8(n - 8) bits. The smallest deflate stream holding
 * d distinct bytes is a fixed-code block of 10 + 8d bits (3-bit header, at least 8 bits a
 * literal, 7-bit end) or a dynamic-code block of 32 + d bits (29 header bits, 2 for the code
 * lengths, at least 1 a literal and 1 for the end); a stored block is longer than the input.
 *
 * @example
 * ```ts
 * compressionCanWin(new TextEncoder().encode('{"count":2}')); // false: 11 bytes never compress to 9
 * ```
 */
export function compressionCanWin(bytes: Uint8Array): boolean {
  const budget = 8 * (bytes.length - 8);
  if (budget <= 0) return false;
  // With d ≤ n, 32 + n within budget means the dynamic bound is; only short inputs need counting.
  if (32 + bytes.length <= budget) return true;
  // Only inputs shorter than 14 bytes get here (32 + n > 8(n - 8) below that): count in place.
  let distinct = 0;
  for (let i = 0; i < bytes.length; i++) {
    let j = 0;
    while (j < i && bytes[j] !== bytes[i]) j++;
    if (j === i) distinct++;
  }
  return Math.min(10 + 8 * distinct, 32 + distinct) <= budget;
}

/**
 * Decodes an itsdangerous URL-safe payload back to JSON text. Every failure (base64, zlib,
 * UTF-8) is a {@link BadPayload}.
 *
 * @example
 * ```ts
 * await decodePayload("eyJhIjoxfQ"); // '{"a":1}'
 * ```
 */
export async function decodePayload(payload: string): Promise<string> {
  return decodePayloadNow(payload);
}

/**
 * {@link decodePayload} without a promise when the payload is not compressed (most are not).
 *
 * @example
 * ```ts
 * decodePayloadNow("eyJhIjoxfQ"); // '{"a":1}', at once
 * ```
 */
export function decodePayloadNow(payload: string): Eventually<string> {
  const compressed = payload.startsWith(".");
  const bytes = base64UrlDecode(compressed ? payload.slice(1) : payload);
  if (!bytes) throw new BadPayload("Could not base64 decode the payload");
  if (!compressed) return utf8Text(bytes);
  return zlibDecompress(bytes).then(utf8Text, (error: unknown) => {
    throw new BadPayload("Could not zlib decompress the payload", error);
  });
}

/** Up to this many bytes, ASCII is turned into text in JavaScript: shorter than a call to TextDecoder. */
const SHORT_TEXT = 512;

function utf8Text(bytes: Uint8Array): string {
  if (bytes.length <= SHORT_TEXT) {
    let ascii = true;
    for (let i = 0; i < bytes.length && ascii; i++) ascii = bytes[i]! < 0x80;
    // ASCII bytes are valid UTF-8 and each is the code unit of its character.
    if (ascii) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  }
  try {
    return strictDecoder.decode(bytes);
  } catch (error) {
    throw new BadPayload("The payload is not valid UTF-8", error);
  }
}
