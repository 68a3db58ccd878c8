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

/** `body`, calling `done` once (on a later task) when it has been read to the end or given up. */
function untilRead(body: ReadableStream<Uint8Array> | null, done: () => void): ReadableStream<Uint8Array> | null {
  let called = false;
  const finish = () => {
    if (called) return;
    called = true;
    setTimeout(done, 0);
  };
  if (!body) {
    finish();
    return null;
  }
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await reader.read().catch((error: unknown) => {
        finish();
        throw error;
      });
      if (chunk.done) {
        controller.close();
        finish();
      } else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      finish();
      return reader.cancel(reason);
    },
  });
}

export function sandboxServer(app: FetchApp, options: ServerOptions = {}): Server {
  const grace = options.shutdownGrace ?? 10_000;
  let inFlight = 0;
  let closing: Promise<void> | undefined;
  let graceOver = false;
  let drained: (() => void) | undefined;

  const finished = () => {
    inFlight -= 1;
    if (inFlight === 0) drained?.();
  };

  return {
    async fetch(request) {
      if (closing) return new Response(SHUTTING_DOWN, { status: 503, headers: { "content-type": "text/plain; charset=utf-8", connection: "close" } });
      inFlight += 1;
      let response: Response;
      try {
        response = await app.fetch(request);
        if (graceOver) throw new Error("The server closed this request's connection: it was still running when the shutdown grace period ended.");
      } catch (error) {
        finished();
        throw error;
      }
      // A request is done once its answer has been sent, not when the handler returned: a real
      // server's close() waits for the response to be written. Here it is sent once its body is
      // read to the end (and the moment after, when it leaves this process).
      return new Response(untilRead(response.body, finished), response);
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
