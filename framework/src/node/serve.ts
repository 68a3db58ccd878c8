/**
 * Serves a Vial app (any fetch handler) with `node:http`. Bodies stream both ways; SIGTERM and
 * SIGINT close the server cleanly: no new connections, in-flight requests finish, then exit.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACCEPTS_DEFERRED_REQUESTS } from "../deferred-request";
import { toDeferredRequest, toWebRequest } from "./incoming";
import { writeWebResponse } from "./outgoing";

/**
 * Options of `serve`.
 *
 * @example
 * ```ts
 * import type { ServeOptions } from "vial/node";
 * const options: ServeOptions = { port: 8000, host: "0.0.0.0", handleSignals: true };
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
  /** Stops accepting connections and resolves when in-flight requests have finished. */
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
  const { port = 5000, host = "127.0.0.1", handleSignals = true } = options;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const server = createServer((incoming, outgoing) => {
    handle(app, incoming, outgoing, origin);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
      const close = () => closeServer(server);
      if (handleSignals) installSignalHandlers(close);
      options.onListen?.({ url, port: address.port, host });
      resolve({ server, url, port: address.port, close });
    });
  });
}

async function handle(app: FetchApp, incoming: import("node:http").IncomingMessage, outgoing: import("node:http").ServerResponse, origin: string) {
  try {
    // A Vial app takes a Request that is only built if needed; any other app gets a real one.
    const deferred = (app as { [ACCEPTS_DEFERRED_REQUESTS]?: boolean })[ACCEPTS_DEFERRED_REQUESTS] === true;
    const request = deferred ? toDeferredRequest(incoming, origin) : toWebRequest(incoming, origin);
    const response = await app.fetch(request);
    await writeWebResponse(response, outgoing, request.method === "HEAD");
  } catch (error) {
    // Only reached if the fetch handler itself throws (a Vial app never does) or the socket fails.
    console.error("vial/node: could not answer", incoming.method, incoming.url, error);
    if (!outgoing.headersSent) {
      outgoing.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      outgoing.end("500 Internal Server Error\n");
    } else {
      outgoing.destroy();
    }
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Idle keep-alive sockets would hold close() open forever; busy ones finish their request.
    server.closeIdleConnections();
  });
}

function installSignalHandlers(close: () => Promise<void>) {
  const onSignal = (signal: NodeJS.Signals) => {
    process.off("SIGTERM", onSignal);
    process.off("SIGINT", onSignal);
    close().then(
      () => process.exit(0),
      (error) => {
        console.error(`vial/node: error while closing on ${signal}`, error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
