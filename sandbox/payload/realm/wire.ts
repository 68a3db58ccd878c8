/**
 * Realm messages as lines of JSON, for byte streams (the node hosts' pipe, WebContainer stdio).
 * Bodies are Uint8Arrays in the messages; on the wire they are base64 strings tagged `$bytes`.
 * Pure JS, so it runs wherever the runtime does.
 */

const TAG = "$bytes";
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Longest line a decoder accepts (a response body of a few MB, base64'd); longer ones are errors. */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024;

function toBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + "==";
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + "=";
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error("bad base64");
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n = (LOOKUP[text.charCodeAt(i)]! << 18) | (LOOKUP[text.charCodeAt(i + 1)]! << 12) | (LOOKUP[text.charCodeAt(i + 2)]! << 6) | LOOKUP[text.charCodeAt(i + 3)]!;
    if (at < bytes.length) bytes[at++] = n >> 16;
    if (at < bytes.length) bytes[at++] = (n >> 8) & 255;
    if (at < bytes.length) bytes[at++] = n & 255;
  }
  return bytes;
}

/**
 * One message as one line (ending in "\n").
 *
 * @example
 * pipe.write(encodeLine({ type: "ping", id: 1 }));
 */
export function encodeLine(message: unknown): string {
  return JSON.stringify(message, (_key, value: unknown) => (value instanceof Uint8Array ? { [TAG]: toBase64(value) } : value)) + "\n";
}

/**
 * Reads one line back into a message; throws on bad JSON or a bad `$bytes` tag.
 *
 * @example
 * decodeLine('{"type":"pong","id":1}') // { type: "pong", id: 1 }
 */
export function decodeLine(line: string): unknown {
  return JSON.parse(line, (_key, value: unknown) => {
    if (typeof value === "object" && value !== null && Object.hasOwn(value, TAG)) {
      const encoded = (value as Record<string, unknown>)[TAG];
      if (typeof encoded !== "string" || Object.keys(value).length !== 1) throw new Error("bad bytes tag");
      return fromBase64(encoded);
    }
    return value;
  });
}

/**
 * Splits a stream of text chunks into decoded messages. A line that does not decode, or grows
 * past {@link MAX_LINE_LENGTH}, goes to `onBadLine` instead (the receiver decides what that means).
 *
 * @example
 * const lines = createLineReader((message) => handle(message), () => badLines++);
 * socket.setEncoding("utf8").on("data", lines.push);
 */
export function createLineReader(onMessage: (message: unknown) => void, onBadLine: (reason: string) => void): { push(chunk: string): void } {
  let buffer = "";
  let skipping = false;
  return {
    push(chunk: string) {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf("\n")) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (skipping) {
          skipping = false;
          continue;
        }
        let message: unknown;
        try {
          message = decodeLine(line);
        } catch {
          onBadLine("a line that is not a message");
          continue;
        }
        onMessage(message);
      }
      if (buffer.length > MAX_LINE_LENGTH) {
        buffer = "";
        skipping = true;
        onBadLine("a line longer than the limit");
      }
    },
  };
}
