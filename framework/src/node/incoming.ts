/** Converts a `node:http` request into a standard `Request` whose body streams in as it arrives. */
import type { IncomingMessage } from "node:http";
import { setClientAddress } from "../client-address";

/**
 * Builds the `Request` for an incoming message; `origin` is used when the Host header is missing.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { toWebRequest } from "vial/node";
 * createServer((incoming, outgoing) => { const request = toWebRequest(incoming, "http://127.0.0.1:5000"); outgoing.end(request.url); });
 * ```
 */
export function toWebRequest(incoming: IncomingMessage, origin: string): Request {
  const host = incoming.headers.host;
  const base = host && isValidHost(host) ? `http://${host}` : origin;
  const url = new URL(incoming.url ?? "/", base);
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // Node already rejects malformed header bytes; anything else Headers refuses is dropped.
    }
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const controller = new AbortController();
  incoming.once("close", () => {
    if (!incoming.complete) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  if (hasBody) {
    init.body = bodyStream(incoming);
    init.duplex = "half";
  }
  // The peer address has no place on a standard Request; `clientAddress(req)` reads it back.
  return setClientAddress(new Request(url, init), incoming.socket.remoteAddress);
}

// A Host header that does not parse as a host is replaced by the server's own origin, so a bad
// header can never make `new URL` throw.
function isValidHost(host: string): boolean {
  return /^[A-Za-z0-9.\-_~%!$&'()*+,;=:[\]]+$/.test(host);
}

/**
 * The body as a web stream with backpressure. Unlike `Readable.toWeb`, cancelling it (a body over
 * `MAX_CONTENT_LENGTH`) only stops reading: destroying the message would close the socket before
 * the 413 is written. `writeWebResponse` closes the connection after answering instead.
 */
function bodyStream(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  // Events already queued may still arrive after a cancel; the stream must then be left alone.
  let open = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        incoming.on("data", (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
        });
        incoming.once("end", () => {
          if (open) controller.close();
          open = false;
        });
        incoming.once("error", (error) => {
          if (open) controller.error(error);
          open = false;
        });
        // A client that goes away mid-body must not leave the handler waiting forever.
        incoming.once("close", () => {
          if (open && !incoming.complete) controller.error(new Error("The client closed the connection before sending the whole body."));
          open = false;
        });
        incoming.pause();
      },
      pull() {
        incoming.resume();
      },
      cancel() {
        open = false;
        incoming.pause();
      },
    },
    { highWaterMark: 65_536, size: (chunk) => chunk.byteLength },
  );
}
