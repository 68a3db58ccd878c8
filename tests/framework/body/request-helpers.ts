/** Helpers for body tests: requests with chunked (no Content-Length) bodies and multipart encoding. */

export const encoder = new TextEncoder();

export function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A byte-per-character encoding of a string whose characters are all below U+0100. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

/** Splits bytes into chunks of `size`. */
export function chunk(data: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.slice(i, i + size));
  return out;
}

/** A POST request whose body streams the given chunks, with no Content-Length. */
export function streamingRequest(chunks: readonly Uint8Array[], headers: Record<string, string> = {}): Request {
  let index = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = chunks[index++];
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    },
    { highWaterMark: 0 },
  );
  return new Request("http://localhost/upload", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A request whose body never ends; `state` records how much was pulled and whether it was cancelled. */
export function endlessRequest(
  makeChunk: (index: number) => Uint8Array,
  headers: Record<string, string> = {},
): { request: Request; state: { pulls: number; cancelled: boolean } } {
  const state = { pulls: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(makeChunk(state.pulls++));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://localhost/upload", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, state };
}

/** A POST request with a fixed body (undici sets Content-Length for it). */
export function postRequest(body: string | Uint8Array, contentType?: string, extraHeaders: Record<string, string> = {}): Request {
  const headers: Record<string, string> = { ...extraHeaders };
  if (contentType !== undefined) headers["content-type"] = contentType;
  return new Request("http://localhost/upload", { method: "POST", body: body as BodyInit, headers });
}

export type TestPart = { name: string; value: string } | { name: string; filename: string; contentType?: string; data: Uint8Array };

/** Encodes parts as a browser does (CRLF line breaks, quoted names). */
export function encodeMultipart(boundary: string, parts: readonly TestPart[]): Uint8Array {
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if ("filename" in part) {
      head += `; filename="${part.filename}"\r\nContent-Type: ${part.contentType ?? "application/octet-stream"}`;
    }
    pieces.push(bytes(`${head}\r\n\r\n`), "data" in part ? part.data : bytes(part.value), bytes("\r\n"));
  }
  pieces.push(bytes(`--${boundary}--\r\n`));
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

/** Resolves to the thrown error (fails the test if nothing is thrown). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}
