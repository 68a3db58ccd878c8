/**
 * Serves a Vial app (any fetch handler) with `node:http`. Bodies stream both ways; SIGTERM and
 * SIGINT close the server cleanly: no new connections, in-flight requests get a grace period to
 * finish, then the connections left are closed and the process exits. Timeouts, header size and
 * connection count are capped by default, and large multipart uploads are spooled to disk.
 */
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ACCEPTS_DEFERRED_REQUESTS } from "../adapter-request.ts";
import { DiskUploads, type DiskUploadOptions } from "./disk-uploads.ts";
import { InvalidHostError, toDeferredRequest, toWebRequest } from "./incoming.ts";
import { writeWebResponse } from "./outgoing.ts";

/**
 * Options of `serve`. The limits have defaults meant for production behind a load balancer;
 * each one is `node:http`'s own setting where it has one.
 *
 * @example
 * ```ts
 * import type { ServeOptions } from "vial/node";
 * const options: ServeOptions = { port: 8000, host: "0.0.0.0", shutdownGrace: 25_000, maxConnections: 4_096 };
 * ```
 */
export interface ServeOptions {
  /** Port (default 5000, like `flask run`; 0 picks a free one). */
  port?: number;
  /** Interface (default `127.0.0.1`). */
  host?: string;
  /** Close cleanly on SIGTERM/SIGINT and exit (default true). */
  handleSignals?: boolean;
  /** Called once the server listens. */
  onListen?: (info: { url: string; port: number; host: string }) => void;
  /**
   * Milliseconds `close()` (and SIGTERM/SIGINT) lets in-flight requests finish before their
   * connections are closed (default 10 000; Kubernetes waits 30 s before it kills a pod).
   */
  shutdownGrace?: number;
  /** Milliseconds to receive a whole request, headers and body; 408 after (default 300 000, node's; 0: none). */
  requestTimeout?: number;
  /** Milliseconds to receive a request's headers; 408 after (default 30 000; node's is 60 000). */
  headersTimeout?: number;
  /** Milliseconds an idle keep-alive connection stays open (default 5 000, node's). */
  keepAliveTimeout?: number;
  /** Largest request line plus headers, in bytes; 431 beyond (default 16 384, node's). */
  maxHeaderSize?: number;
  /** Most open connections; more are closed as soon as they connect (default 1 024; `null`: no cap). */
  maxConnections?: number | null;
  /** Multipart uploads larger than this are written to a temporary file (default 500 KiB). */
  uploads?: DiskUploadOptions;
}

/**
 * A running server.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * import { serve, type VialServer } from "vial/node";
 * const server: VialServer = await serve(new Vial(), { port: 0 });
 * await server.close();
 * ```
 */
export interface VialServer {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting connections and resolves when in-flight requests have finished, or when the
   * grace period has passed and their connections were closed. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/**
 * Anything with a fetch handler: a `Vial` app, or `{ fetch }`.
 *
 * @example
 * ```ts
 * import type { FetchApp } from "vial/node";
 * const plain: FetchApp = { fetch: () => new Response("hi") };
 * ```
 */
export interface FetchApp {
  fetch(request: Request): Promise<Response> | Response;
}

/**
 * Starts an HTTP server for the app and resolves once it listens.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * import { serve } from "vial/node";
 * const app = new Vial();
 * app.get("/", () => "Hello");
 * const server = await serve(app, { port: 5000 });
 * console.log(`listening on ${server.url}`);
 * ```
 */
export function serve(app: FetchApp, options: ServeOptions = {}): Promise<VialServer> {
  const { port = 5000, host = "127.0.0.1", handleSignals = true, shutdownGrace = DEFAULTS.shutdownGrace } = options;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const uploads = new DiskUploads(options.uploads);
  const shutdown = new Shutdown();
  const server = createServer(serverOptions(options), (incoming, outgoing) => {
    if (shutdown.started) outgoing.shouldKeepAlive = false;
    void handle(app, incoming, outgoing, origin, uploads, shutdown);
  });
  server.maxConnections = options.maxConnections === undefined ? DEFAULTS.maxConnections : (options.maxConnections ?? Infinity);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
      const close = () => shutdown.close(server, shutdownGrace);
      if (handleSignals) installSignalHandlers(close);
      options.onListen?.({ url, port: address.port, host });
      resolve({ server, url, port: address.port, close });
    });
  });
}

/** The documented defaults of {@link ServeOptions}. */
const DEFAULTS = {
  shutdownGrace: 10_000,
  requestTimeout: 300_000,
  headersTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxHeaderSize: 16_384,
  maxConnections: 1_024,
} as const;

function serverOptions(options: ServeOptions): ServerOptions {
  const requestTimeout = options.requestTimeout ?? DEFAULTS.requestTimeout;
  const headersTimeout = options.headersTimeout ?? DEFAULTS.headersTimeout;
  // node checks both timeouts on a timer (every 30 s by default), so a short timeout would
  // otherwise be enforced up to 30 s late: check four times per the shorter one.
  const shortest = Math.min(headersTimeout || Infinity, requestTimeout || Infinity);
  const connectionsCheckingInterval = Math.max(25, Math.min(30_000, Math.floor(shortest / 4)));
  return {
    requestTimeout,
    // node refuses a headers timeout longer than the request timeout.
    headersTimeout: requestTimeout > 0 ? Math.min(headersTimeout, requestTimeout) : headersTimeout,
    keepAliveTimeout: options.keepAliveTimeout ?? DEFAULTS.keepAliveTimeout,
    maxHeaderSize: options.maxHeaderSize ?? DEFAULTS.maxHeaderSize,
    connectionsCheckingInterval,
  };
}

async function handle(
  app: FetchApp,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  origin: string,
  uploads: DiskUploads,
  shutdown: Shutdown,
): Promise<void> {
  let request: Request;
  try {
    // A Vial app takes a Request that is only built if needed; any other app gets a real one.
    const deferred = (app as { [ACCEPTS_DEFERRED_REQUESTS]?: boolean })[ACCEPTS_DEFERRED_REQUESTS] === true;
    request = deferred ? toDeferredRequest(incoming, origin) : toWebRequest(incoming, origin);
  } catch (error) {
    // A client's mistake (a Host that is no host), not the server's: a 400, and nothing logged.
    if (error instanceof InvalidHostError) answerPlainly(outgoing, 400, "400 Bad Request: the Host header is not a valid host.\n");
    else failed(incoming, outgoing, error);
    return;
  }
  const spooled = isMultipart(incoming) ? uploads.forRequest(request) : undefined;
  try {
    const response = await app.fetch(request);
    await writeWebResponse(response, outgoing, request.method === "HEAD");
  } catch (error) {
    // A connection closed under the request (the client left, or shutdown ran out of grace) is
    // not the app's failure: nothing to log, nobody to answer.
    if (!outgoing.destroyed) failed(incoming, outgoing, error);
  } finally {
    if (spooled) await spooled.removeAll();
    if (shutdown.started) shutdown.requestDone();
  }
}

/** Only reached if the fetch handler itself throws (a Vial app never does) or the socket fails. */
function failed(incoming: IncomingMessage, outgoing: ServerResponse, error: unknown): void {
  console.error("vial/node: could not answer", incoming.method, incoming.url, error);
  if (!outgoing.headersSent) answerPlainly(outgoing, 500, "500 Internal Server Error\n");
  else outgoing.destroy();
}

function answerPlainly(outgoing: ServerResponse, status: number, text: string): void {
  outgoing.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  outgoing.end(text);
}

function isMultipart(incoming: IncomingMessage): boolean {
  const type = incoming.headers["content-type"];
  return type !== undefined && type.length > 10 && type.slice(0, 10).toLowerCase() === "multipart/";
}

/**
 * Closing: stop accepting, let in-flight requests finish for the grace period, then close every
 * connection left (a client trickling a body must not keep the process alive).
 */
class Shutdown {
  started = false;
  #closing: Promise<void> | undefined;
  #server: Server | undefined;

  close(server: Server, graceMs: number): Promise<void> {
    return (this.#closing ??= new Promise((resolve, reject) => {
      this.started = true;
      this.#server = server;
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close((error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      });
      // Idle keep-alive sockets would hold close() open until they time out.
      server.closeIdleConnections();
    }));
  }

  /** A request answered during shutdown leaves its connection idle: close it now. */
  requestDone(): void {
    const server = this.#server;
    if (server) setImmediate(() => server.closeIdleConnections());
  }
}

function installSignalHandlers(close: () => Promise<void>) {
  const onSignal = (signal: NodeJS.Signals) => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`vial/node: error while closing on ${signal}`, error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
