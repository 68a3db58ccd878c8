/**
 * Bytes as base64 text and back, for the database: statements send `decode($1, 'base64')` and
 * read `encode(data, 'base64')`, so a file crosses as one string rather than as a list of numbers.
 * Web-standard `btoa`/`atob` only, so the same code runs in Node and in a browser Worker.
 */

/** Base64 of `bytes`, built in slices: `String.fromCharCode(...bytes)` on a whole file would overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** The bytes of base64 text; the line breaks PostgreSQL's `encode` puts every 76 characters are ignored by `atob`. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
