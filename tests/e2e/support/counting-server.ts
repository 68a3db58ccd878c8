/**
 * An "off-site" server for confinement tests: it answers anything (with permissive CORS and CORP
 * headers, so that only the sandbox's own policy can stop a request) and counts what reached it.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingServer {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  /** Every request that reached it, as "METHOD /path". */
  hits: string[];
  close(): Promise<void>;
}

/**
 * Starts the server on a free port of 127.0.0.1.
 *
 * @example
 * const offSite = await startCountingServer();
 * // … learner code tries `fetch(offSite.origin + "/x")` …
 * expect(offSite.hits).toEqual([]);
 */
export async function startCountingServer(): Promise<CountingServer> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200, {
      "access-control-allow-origin": "*",
      "cross-origin-resource-policy": "cross-origin",
      "content-type": request.url?.endsWith(".js") ? "text/javascript" : "text/plain",
    });
    response.end(request.url?.endsWith(".js") ? "export default 'reached';" : "reached");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
