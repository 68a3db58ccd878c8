/** Converts a `node:http` request into a standard `Request` whose body streams in as it arrives. */
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { clientAddress, setClientAddress } from "../client-address.ts";
import { realRequest, type BodyReader } from "../adapter-request.ts";
import { deferRequest, type DeferredRequestSource } from "./deferred-request.ts";
import { bodyStream, IncomingBodyReader } from "./incoming-body.ts";

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
  const source = new IncomingSource(incoming, origin);
  return (source.request = deferRequest(source));
}

/** A deferred request's source: a class, so the per-request cost is one object, not closures. */
class IncomingSource implements DeferredRequestSource {
  readonly method: string;
  readonly url: string;
  readonly pathname: string | undefined;
  readonly hasBody: boolean;
  readonly address: string | undefined;
  request: Request | undefined;

  constructor(
    readonly incoming: IncomingMessage,
    origin: string,
  ) {
    const host = incoming.headers.host;
    const target = incoming.url ?? "/";
    if (host && isPlain(host, target)) {
      this.url = `http://${host}${target}`;
      // What `new URL(url).pathname` would give, without parsing: the target up to its query.
      const query = target.indexOf("?");
      this.pathname = query < 0 ? target : target.slice(0, query);
    } else {
      this.url = requestUrl(host ? checkedHost(host) : origin, target);
      this.pathname = undefined;
    }
    this.method = incoming.method ?? "GET";
    this.hasBody = this.method !== "GET" && this.method !== "HEAD";
    // Read now: a socket that has closed no longer tells its peer.
    this.address = incoming.socket.remoteAddress;
  }

  headers(): Headers {
    return headersOf(this.incoming);
  }

  header(name: string): string | null {
    // As Headers would hold it: names compared case-insensitively, repeats joined with ", "
    // ("; " for Cookie, as undici does), values trimmed of HTTP whitespace.
    const raw = this.incoming.rawHeaders;
    const wanted = name.toLowerCase();
    const joiner = wanted === "cookie" ? "; " : ", ";
    let value: string | null = null;
    for (let i = 0; i < raw.length; i += 2) {
      const key = raw[i]!;
      if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
      const item = raw[i + 1]!.replace(HTTP_WHITESPACE_ENDS, "");
      value = value === null ? item : `${value}${joiner}${item}`;
    }
    return value;
  }

  // Vial reads bodies from this stream directly, without the Request and its abort signal.
  body(): ReadableStream<Uint8Array> | null {
    return this.hasBody ? bodyStream(this.incoming) : null;
  }

  isDisturbed(stream: ReadableStream<Uint8Array>): boolean {
    return disturbed(stream);
  }

  // Cheaper still: Vial's body parsers read the message itself, no web stream in between.
  reader(): BodyReader | null {
    return this.hasBody ? new IncomingBodyReader(this.incoming) : null;
  }

  build(headers: Headers, body: ReadableStream<Uint8Array> | null | undefined): Request {
    const { method, hasBody, incoming } = this;
    const init: RequestInit & { duplex?: "half" } = { method, headers, signal: abortSignalOf(incoming) };
    // A body Vial has begun to read stays with Vial; the Request then gets one that reads as used.
    const spent = hasBody && body !== undefined && (!body || body.locked || disturbed(body));
    if (hasBody) {
      init.body = spent ? emptyBody() : (body ?? bodyStream(incoming));
      init.duplex = "half";
    }
    const built = new Request(this.url, init);
    if (spent) markUsed(built);
    // The peer address has no place on a standard Request; `clientAddress(req)` reads it back
    // (or what was recorded for the deferred request itself).
    return setClientAddress(built, (this.request && clientAddress(this.request)) ?? this.address);
  }
}

// A host and a path that `new URL` would leave exactly as they are: then the URL is just the
// two joined, without parsing. Anything else (upper case, a default port, dot segments,
// characters URL escapes, IPv4 shorthands like "127.1") goes through `new URL`.
const PLAIN_HOST =
  /^(?:(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*|(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d))(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
const PLAIN_TARGET = /^\/(?![/.])(?:[A-Za-z0-9\-_~!$&'()*+,;=:@%]|\/(?!\.)|\.)*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?$/;

function isPlain(host: string, target: string): boolean {
  return PLAIN_HOST.test(host) && PLAIN_TARGET.test(target) && !/%2e/i.test(target);
}

const HTTP_WHITESPACE_ENDS = /^[\t\n\r ]+|[\t\n\r ]+$/g;

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

/** Whether reading a web stream has begun (Node can tell; the web API cannot). */
function disturbed(stream: ReadableStream<Uint8Array>): boolean {
  return Readable.isDisturbed(stream as unknown as NodeJS.ReadableStream);
}

function emptyBody(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}

/** Starts reading a Request's body, so it reads as used: its real body was read without it. */
function markUsed(request: Request): void {
  const reader = request.body!.getReader();
  void reader.read();
  reader.releaseLock();
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

/**
 * Thrown while converting a request whose Host header is not a host (`[`, `a b`, `localhost%2f`):
 * RFC 9112 asks for a 400, which `serve` sends.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { InvalidHostError, toWebRequest } from "vial/node";
 * createServer((incoming, outgoing) => {
 *   try {
 *     outgoing.end(toWebRequest(incoming, "http://127.0.0.1:5000").url);
 *   } catch (error) {
 *     if (!(error instanceof InvalidHostError)) throw error;
 *     outgoing.writeHead(400).end();
 *   }
 * });
 * ```
 */
export class InvalidHostError extends Error {
  constructor(readonly host: string) {
    super(`The Host header ${JSON.stringify(host)} is not a valid host.`);
    this.name = "InvalidHostError";
  }
}

// RFC 3986's host (an IP literal in brackets, or a name of unreserved, sub-delims and escapes)
// and an optional port; `new URL` then decides what the escapes and IP literal mean.
const HOST_SYNTAX = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~%!$&'()*+,;=]+)(?::\d{0,5})?$/;

/** `http://` and the host, once `new URL` has accepted it; else an {@link InvalidHostError}. */
function checkedHost(host: string): string {
  if (HOST_SYNTAX.test(host)) {
    try {
      return new URL(`http://${host}`).origin;
    } catch {
      // Falls through: the syntax fits, but not as a host (`localhost%2f` decodes to a slash).
    }
  }
  throw new InvalidHostError(host);
}

/**
 * The URL of a request-target. An origin-form target is a path even when it starts with `//`
 * (`//evil.com/reset` must not become the host); an absolute-form target (`http://a/b`, sent to
 * proxies) gives its path and query; `*` (`OPTIONS *`) is the root.
 */
function requestUrl(origin: string, target: string): string {
  if (target.startsWith("/")) return new URL(`${origin}${target}`).href;
  if (target !== "*" && URL.canParse(target)) {
    const { pathname, search } = new URL(target);
    return new URL(`${origin}${pathname}${search}`).href;
  }
  return new URL(`${origin}/`).href;
}
