/** Byte helpers for the body parsers: joining chunks and finding a byte sequence. */

/**
 * Joins chunks into one array.
 *
 * @example
 * ```ts
 * concatBytes([new Uint8Array([1]), new Uint8Array([2, 3])]); // Uint8Array [1, 2, 3]
 * ```
 */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let total = 0;
  for (const chunk of chunks) total += chunk.byteLength;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Finds a fixed needle in byte arrays with Boyer–Moore–Horspool: usually sublinear, and never
 * worse than `haystack × needle`, with the needle at most a multipart boundary (~70 bytes).
 *
 * @example
 * ```ts
 * const find = new ByteSearch(new TextEncoder().encode("--b"));
 * find.indexOf(new TextEncoder().encode("x\r\n--b"), 0); // 3
 * ```
 */
export class ByteSearch {
  readonly needle: Uint8Array;
  readonly #skip = new Uint32Array(256);

  constructor(needle: Uint8Array) {
    if (needle.length === 0) throw new RangeError("ByteSearch needs a non-empty needle.");
    this.needle = needle;
    this.#skip.fill(needle.length);
    for (let i = 0; i < needle.length - 1; i++) this.#skip[needle[i]!] = needle.length - 1 - i;
  }

  /** The first index at or after `from` where the needle starts, or -1. */
  indexOf(haystack: Uint8Array, from: number): number {
    const needle = this.needle;
    const last = needle.length - 1;
    let pos = Math.max(0, from);
    while (pos + last < haystack.length) {
      let i = last;
      while (i >= 0 && haystack[pos + i] === needle[i]) i--;
      if (i < 0) return pos;
      pos += this.#skip[haystack[pos + last]!]!;
    }
    return -1;
  }
}

/**
 * A growable byte buffer consumed from the front. Appending copies each byte once (amortised),
 * so feeding a parser many tiny chunks stays linear. Views it returns are only valid until the
 * next `push`.
 *
 * @example
 * ```ts
 * const queue = new ByteQueue();
 * queue.push(new Uint8Array([1, 2, 3]));
 * queue.consume(1);
 * queue.view(); // Uint8Array [2, 3]
 * ```
 */
export class ByteQueue {
  #store = new Uint8Array(0);
  #start = 0;
  #end = 0;

  get length(): number {
    return this.#end - this.#start;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.#end + chunk.length > this.#store.length) {
      const kept = this.length;
      // Compact only when that frees at least half the store; otherwise double it (amortised O(1)).
      if (kept + chunk.length <= this.#store.length / 2) {
        this.#store.copyWithin(0, this.#start, this.#end);
      } else {
        const grown = new Uint8Array(Math.max(kept + chunk.length, this.#store.length * 2, 1024));
        grown.set(this.#store.subarray(this.#start, this.#end));
        this.#store = grown;
      }
      this.#start = 0;
      this.#end = kept;
    }
    this.#store.set(chunk, this.#end);
    this.#end += chunk.length;
  }

  view(): Uint8Array {
    return this.#store.subarray(this.#start, this.#end);
  }

  consume(count: number): void {
    this.#start = Math.min(this.#end, this.#start + count);
    if (this.#start === this.#end) {
      this.#start = this.#end = 0;
      // Let a buffer grown by one huge chunk go, instead of holding it for the whole request.
      if (this.#store.length > 1 << 20) this.#store = new Uint8Array(0);
    }
  }
}
