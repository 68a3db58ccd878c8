/**
 * The body of a `node:http` request, two ways: as a web stream (for a built `Request`), or read
 * directly by Vial's body parsers, which skips the stream's cost.
 */
import type { IncomingMessage } from "node:http";
import type { BodyReader } from "../adapter-request.ts";

/**
 * The body as a web stream with backpressure. Unlike `Readable.toWeb`, cancelling it (a body over
 * `MAX_CONTENT_LENGTH`) only stops reading: destroying the message would close the socket before
 * the 413 is written. `writeWebResponse` closes the connection after answering instead.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { bodyStream } from "./incoming-body.ts";
 * createServer(async (incoming, outgoing) => outgoing.end(String((await new Response(bodyStream(incoming)).arrayBuffer()).byteLength)));
 * ```
 */
export function bodyStream(incoming: IncomingMessage): ReadableStream<Uint8Array> {
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

const DONE: ReadableStreamReadResult<Uint8Array> = { done: true, value: undefined };

/**
 * Reads an incoming message in paused mode, one buffered run of bytes at a time. Cancelling only
 * stops reading, as `bodyStream`'s cancel does, so a 413 can still be written.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { IncomingBodyReader } from "./incoming-body.ts";
 * createServer(async (incoming, outgoing) => {
 *   const reader = new IncomingBodyReader(incoming);
 *   let size = 0;
 *   for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) size += chunk.value.byteLength;
 *   outgoing.end(String(size));
 * });
 * ```
 */
export class IncomingBodyReader implements BodyReader {
  constructor(readonly incoming: IncomingMessage) {}

  read(): Promise<ReadableStreamReadResult<Uint8Array>> {
    const incoming = this.incoming;
    const ready = this.#take();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const settle = (result: ReadableStreamReadResult<Uint8Array> | undefined, error?: Error) => {
        if (!result && !error) return;
        incoming.off("readable", onReadable);
        incoming.off("end", onEnd);
        incoming.off("error", onError);
        incoming.off("close", onClose);
        if (error) reject(error);
        else resolve(result!);
      };
      const onReadable = () => settle(this.#take());
      const onEnd = () => settle(DONE);
      const onError = (error: Error) => settle(undefined, error);
      // A client that goes away mid-body must not leave the handler waiting forever.
      const onClose = () =>
        settle(
          this.#take() ?? (incoming.complete ? DONE : undefined),
          incoming.complete ? undefined : new Error("The client closed the connection before sending the whole body."),
        );
      incoming.on("readable", onReadable);
      incoming.on("end", onEnd);
      incoming.on("error", onError);
      incoming.on("close", onClose);
    });
  }

  /** What can be read now: a chunk, the end, or `undefined` (wait). */
  #take(): ReadableStreamReadResult<Uint8Array> | undefined {
    const chunk = this.incoming.read() as Buffer | null;
    if (chunk !== null) return { done: false, value: new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) };
    // A complete message with nothing left buffered has ended, even before "end" is emitted.
    const { readableEnded, complete, readableLength } = this.incoming;
    return readableEnded || (complete && readableLength === 0) ? DONE : undefined;
  }

  cancel(): Promise<void> {
    return Promise.resolve();
  }

  releaseLock(): void {}
}
