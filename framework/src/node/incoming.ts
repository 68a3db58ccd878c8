/** Converts a `node:http` request into a standard `Request` whose body streams in as it arrives. */
import type { IncomingMessage } from "node:http";
import { setClientAddress } from "../client-address";
import { deferRequest, realRequest } from "../deferred-request";

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
  return realRequest(toDeferredRequest(incoming, origin));
}

/**
 * Like `toWebRequest`, but the `Request` (headers copied, body stream, abort signal) is only
 * built when something beyond `method`, `url` and `headers` is read. `serve` hands these to
 * apps that accept them, such as a `Vial` app, whose `req.raw` is still the real `Request`.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { toDeferredRequest } from "vial/node";
 * createServer((incoming, outgoing) => { const request = toDeferredRequest(incoming, "http://127.0.0.1:5000"); outgoing.end(request.method); });
 * ```
 */
export function toDeferredRequest(incoming: IncomingMessage, origin: string): Request {
  const method = incoming.method ?? "GET";
  const address = incoming.socket.remoteAddress;
  const request = deferRequest({
    method,
    url: absoluteUrl(incoming, origin),
    headers: () => headersOf(incoming),
    build(headers) {
      const init: RequestInit & { duplex?: "half" } = { method, headers, signal: abortSignalOf(incoming) };
      if (method !== "GET" && method !== "HEAD") {
        init.body = bodyStream(incoming);
        init.duplex = "half";
      }
      // The peer address has no place on a standard Request; `clientAddress(req)` reads it back.
      return setClientAddress(new Request(this.url, init), address);
    },
  });
  return setClientAddress(request, address);
}

// A host and a path that `new URL` would leave exactly as they are: then the URL is just the
// two joined, without parsing. Anything else (upper case, a default port, dot segments,
// characters URL escapes, IPv4 shorthands like "127.1") goes through `new URL`.
const PLAIN_HOST = /^(?:(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
const PLAIN_TARGET = /^\/(?![/.])(?:[A-Za-z0-9\-_~!$&'()*+,;=:@%]|\/(?!\.)|\.)*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?$/;

function absoluteUrl(incoming: IncomingMessage, origin: string): string {
  const host = incoming.headers.host;
  const target = incoming.url ?? "/";
  if (host && PLAIN_HOST.test(host) && PLAIN_TARGET.test(target) && !/%2e/i.test(target)) return `http://${host}${target}`;
  const base = host && isValidHost(host) ? `http://${host}` : origin;
  return new URL(target, base).href;
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // Node already rejects malformed header bytes; anything else Headers refuses is dropped.
    }
  }
  return headers;
}

/** Aborted when the client goes away before the request has fully arrived. */
function abortSignalOf(incoming: IncomingMessage): AbortSignal {
  const controller = new AbortController();
  if (incoming.closed) {
    if (!incoming.complete) controller.abort();
  } else {
    incoming.once("close", () => {
      if (!incoming.complete) controller.abort();
    });
  }
  return controller.signal;
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
