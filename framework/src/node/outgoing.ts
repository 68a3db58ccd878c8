/** Writes a standard `Response` to a `node:http` response, streaming the body with backpressure. */
import type { ServerResponse } from "node:http";

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
export async function writeWebResponse(response: Response, outgoing: ServerResponse, isHead: boolean): Promise<void> {
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
  outgoing.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body || isHead) {
    outgoing.end();
    await response.body?.cancel();
    return;
  }
  const reader = response.body.getReader();
  const cancelOnClose = () => void reader.cancel().catch(() => {});
  outgoing.once("close", cancelOnClose);
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
