/**
 * The benchmark app on Fastify 5. POST /users is validated by Fastify's own JSON Schema (Ajv).
 * @fastify/cookie is not installed, so the session uses the small HMAC cookie of `hmac-cookie`.
 */
import Fastify from "fastify";
import { readSession, sessionSetCookie } from "./hmac-cookie";
import { announceReady, HELLO, HELLO_JSON, portFromEnv, ROUTE_COUNT, routeBody, USER_JSON_SCHEMA } from "./shared";

const app = Fastify({ logger: false });

app.get("/", async (_req, reply) => reply.type("text/plain; charset=utf-8").send(HELLO));
app.get("/json", async () => HELLO_JSON);
for (let i = 0; i < ROUTE_COUNT; i++) {
  app.get<{ Params: { id: string } }>(`/r${i}/:id`, async (req, reply) => reply.type("text/plain; charset=utf-8").send(routeBody(i, req.params.id)));
}
app.post("/users", { schema: { body: USER_JSON_SCHEMA } }, async (req, reply) => reply.code(201).send(req.body));
app.get("/session", async (req, reply) => {
  const session = readSession(req.headers.cookie);
  const count = (typeof session.count === "number" ? session.count : 0) + 1;
  reply.header("set-cookie", sessionSetCookie({ ...session, count }));
  return { count };
});

const port = portFromEnv();
await app.listen({ port, host: "127.0.0.1" });
announceReady(port);
