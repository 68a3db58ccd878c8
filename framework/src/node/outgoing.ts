/** Writes a standard `Response` to a `node:http` response, streaming the body with backpressure. */
import type { ServerResponse } from "node:http";
import { deferredResponseParts, type ResponseParts } from "../deferred-response.ts";

/**
 * Sends status, headers (every `Set-Cookie` separately) and body; HEAD gets no body.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { writeWebResponse } from "vial/node";
 * createServer((incoming, outgoing) => void writeWebResponse(new Response("hi"), outgoing, incoming.method === "HEAD"));
 * ```
 */
export function writeWebResponse(response: Response, outgoing: ServerResponse, isHead: boolean): Promise<void> {
  const deferred = deferredResponseParts(response);
  if (deferred && !(deferred.headers instanceof Headers)) {
    // Vial's own answer, untouched since it was made: its parts go straight to the socket, with
    // nothing to wait for (so no async function either).
    try {
      writeParts(deferred, outgoing, isHead);
      return WRITTEN;
    } catch (error) {
      // The write's own error, passed on unchanged to serve()'s error path.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    }
  }
  return writeResponse(response, outgoing, isHead);
}

const WRITTEN: Promise<void> = Promise.resolve();

function writeParts({ status, headers, setCookies, body }: ResponseParts, outgoing: ServerResponse, isHead: boolean): void {
  // Object.assign, not a spread: on Node 20 a spread copy that then gets a property added costs
  // microseconds (bench/RESULTS.md), more than the rest of writing the answer.
  const head: Record<string, string | string[]> = Object.assign({}, headers as Record<string, string>);
  // node:http only reads the list.
  if (setCookies.length) head["set-cookie"] = setCookies as string[];
  if (!outgoing.req.complete) head.connection = "close";
  if (isHead) {
    outgoing.writeHead(status, head);
    outgoing.end();
    return;
  }
  head["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
  outgoing.writeHead(status, head);
  outgoing.end(body);
}

async function writeResponse(response: Response, outgoing: ServerResponse, isHead: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  // Answered before the body was read (413, early errors): the rest of the body is never read,
  // so the connection cannot be reused.
  if (!outgoing.req.complete) headers.connection = "close";
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") continue;
    headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  const known = isHead ? undefined : deferredResponseParts(response)?.body;
  if (known !== undefined) {
    // A body Vial made whole (a string, JSON) whose headers were changed: one write with its length, no stream to pull.
    headers["content-length"] = String(typeof known === "string" ? Buffer.byteLength(known) : known.byteLength);
    outgoing.writeHead(response.status, response.statusText || undefined, headers);
    outgoing.end(known);
    return;
  }
  outgoing.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body || isHead) {
    outgoing.end();
    await response.body?.cancel();
    return;
  }
  const reader = response.body.getReader();
  const cancelOnClose = () => void reader.cancel().catch(() => {});
  outgoing.once("close", cancelOnClose);
  // Chunks that are ready at once (a whole body behind a stream) go out with the end of the
  // response in one packet: a last chunk sent on its own makes the client wait for it. The cork
  // is lifted once the pending promise callbacks have run, so a slow stream still streams.
  outgoing.cork();
  process.nextTick(() => outgoing.uncork());
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!outgoing.write(value)) await waitForDrain(outgoing);
      if (outgoing.destroyed) break;
    }
    outgoing.end();
  } finally {
    outgoing.off("close", cancelOnClose);
  }
}

function waitForDrain(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      outgoing.off("drain", done);
      outgoing.off("close", done);
      resolve();
    };
    outgoing.on("drain", done);
    outgoing.on("close", done);
  });
}
