/**
 * The notebook's server in this sandbox, where no socket can be opened: a stand-in for
 * `serve()` from `vial/node`, with the same `close()`. Read it; you do not need to change it.
 *
 * `close()` does what a real server's does on shutdown: it stops taking new requests (a real
 * server stops accepting connections; this one answers them 503), lets the requests in flight
 * finish for `shutdownGrace` milliseconds, then gives up on the ones left (a real server closes
 * their connections: their clients see the connection drop). It resolves once every request has
 * finished or the grace period is over, whichever comes first.
 */

/** Anything with a fetch handler, such as a Vial app. */
export interface FetchApp {
  fetch(request: Request): Promise<Response> | Response;
}

export interface Server extends FetchApp {
  /** Stops taking requests and resolves when the ones in flight are done, or the grace period is over. */
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Milliseconds `close()` lets requests in flight finish (default 10 000, as `serve()`'s). */
  shutdownGrace?: number;
}

const SHUTTING_DOWN = "503 Service Unavailable: the server is shutting down.\n";

export function sandboxServer(app: FetchApp, options: ServerOptions = {}): Server {
  const grace = options.shutdownGrace ?? 10_000;
  let inFlight = 0;
  let closing: Promise<void> | undefined;
  let graceOver = false;
  let drained: (() => void) | undefined;

  return {
    async fetch(request) {
      if (closing) return new Response(SHUTTING_DOWN, { status: 503, headers: { "content-type": "text/plain; charset=utf-8", connection: "close" } });
      inFlight += 1;
      try {
        const response = await app.fetch(request);
        if (graceOver) throw new Error("The server closed this request's connection: it was still running when the shutdown grace period ended.");
        return response;
      } finally {
        inFlight -= 1;
        if (inFlight === 0) drained?.();
      }
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (inFlight === 0) return resolve();
        const timer = setTimeout(() => {
          graceOver = true;
          resolve();
        }, grace);
        drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      return closing;
    },
  };
}
