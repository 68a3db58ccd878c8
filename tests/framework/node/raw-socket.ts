// A bare TCP client for the server tests: bytes exactly as written (no client-side fixing of Host
// or targets), and everything the server sends back until it closes the connection.
import { connect, type Socket } from "node:net";
import { once } from "node:events";

/** An open connection to `url`'s host and port. */
export async function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  socket.setNoDelay(true);
  await once(socket, "connect");
  return socket;
}

/** All the bytes the server sends, as text, once it has closed the connection. */
export function readUntilClosed(socket: Socket): Promise<string> {
  let received = "";
  socket.setEncoding("latin1");
  socket.on("data", (chunk: string) => (received += chunk));
  return new Promise((resolve) => {
    socket.once("close", () => resolve(received));
    // A reset (the server destroying the connection) ends it as well.
    socket.on("error", () => undefined);
  });
}

/** Sends `text` on a new connection and gives back the whole answer once the server closes it. */
export async function exchange(url: string, text: string): Promise<string> {
  const socket = await openSocket(url);
  const answer = readUntilClosed(socket);
  socket.write(text);
  return answer;
}

/** The status code of the first response in `answer` (`0` when there is none). */
export function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
}

/** The body of the first response in `answer`, with a chunked transfer coding undone. */
export function bodyOf(answer: string): string {
  const split = answer.indexOf("\r\n\r\n");
  const head = answer.slice(0, split).toLowerCase();
  let rest = answer.slice(split + 4);
  if (!head.includes("transfer-encoding: chunked")) return rest;
  let body = "";
  for (;;) {
    const lineEnd = rest.indexOf("\r\n");
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!(size > 0)) return body;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

/**
 * POSTs a chunked body of up to `maxBytes` to `path`, sending until the server answers or closes,
 * and returns the answer and how much was sent. A raw socket because fetch may see the server's
 * close while still writing and throw before it reads the answer.
 */
export async function streamUntilAnswered(url: string, path: string, maxBytes: number): Promise<{ answer: string; sent: number }> {
  const { host } = new URL(url);
  const socket = await openSocket(url);
  socket.on("error", () => {}); // writes after the server closed its side fail: expected
  let answer = "";
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(`POST ${path} HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\n`);
  const chunk = Buffer.concat([Buffer.from("4000\r\n"), Buffer.alloc(16_384), Buffer.from("\r\n")]);
  let sent = 0;
  while (answer === "" && !socket.destroyed && sent < maxBytes) {
    // Not events.once: it rejects on the EPIPE that a write after the server's close brings.
    if (!socket.write(chunk)) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), closed, new Promise((resolve) => setTimeout(resolve, 50))]);
    sent += 16_384;
  }
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000))]);
  socket.destroy();
  return { answer, sent };
}
