/** The benchmark app on raw `node:http`: the baseline every framework is compared with. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readSession, sessionSetCookie } from "./hmac-cookie";
import { announceReady, HELLO, HELLO_JSON, portFromEnv, ROUTE_COUNT, routeBody } from "./shared";
import { UserSchema } from "./zod-user";

// A table of 100 "/r<i>/" prefixes, looked up the way a hand-written server would.
const routePrefixes = new Map<string, number>();
for (let i = 0; i < ROUTE_COUNT; i++) routePrefixes.set(`r${i}`, i);

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

async function createUser(req: IncomingMessage, res: ServerResponse) {
  let data: unknown;
  try {
    data = JSON.parse(await readBody(req));
  } catch {
    return send(res, 400, "application/json", JSON.stringify({ error: "malformed JSON" }));
  }
  const parsed = UserSchema.safeParse(data);
  if (!parsed.success) return send(res, 422, "application/json", JSON.stringify({ error: parsed.error.issues }));
  send(res, 201, "application/json", JSON.stringify(parsed.data));
}

const server = createServer((req, res) => {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  if (req.method === "GET" && path === "/") return send(res, 200, "text/plain; charset=utf-8", HELLO);
  if (req.method === "GET" && path === "/json") return send(res, 200, "application/json", JSON.stringify(HELLO_JSON));
  if (req.method === "POST" && path === "/users") return void createUser(req, res);
  if (req.method === "GET" && path === "/session") {
    const session = readSession(req.headers.cookie);
    const count = (typeof session.count === "number" ? session.count : 0) + 1;
    return send(res, 200, "application/json", JSON.stringify({ count }), { "set-cookie": sessionSetCookie({ ...session, count }) });
  }
  const parts = path.split("/");
  if (req.method === "GET" && parts.length === 3 && parts[2]) {
    const index = routePrefixes.get(parts[1]!);
    if (index !== undefined) return send(res, 200, "text/plain; charset=utf-8", routeBody(index, decodeURIComponent(parts[2])));
  }
  send(res, 404, "text/plain; charset=utf-8", "Not Found");
});

const port = portFromEnv();
server.listen(port, "127.0.0.1", () => announceReady(port));
