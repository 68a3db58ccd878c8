/**
 * The benchmark app on Fastify 5. POST /users is validated by Fastify's own JSON Schema (Ajv).
 * The session is what a Fastify user installs for one: @fastify/cookie's signed cookies
 * (HMAC-SHA256 of the value, `req.unsignCookie` to check it), holding the session as JSON.
 */
import fastifyCookie from "@fastify/cookie";
import Fastify from "fastify";
import { announceReady, HELLO, HELLO_JSON, portFromEnv, ROUTE_COUNT, routeBody, SECRET, SESSION_COOKIE, USER_JSON_SCHEMA } from "./shared";

const app = Fastify({ logger: false });
await app.register(fastifyCookie, { secret: SECRET });

app.get("/", async (_req, reply) => reply.type("text/plain; charset=utf-8").send(HELLO));
app.get("/json", async () => HELLO_JSON);
for (let i = 0; i < ROUTE_COUNT; i++) {
  app.get<{ Params: { id: string } }>(`/r${i}/:id`, async (req, reply) => reply.type("text/plain; charset=utf-8").send(routeBody(i, req.params.id)));
}
app.post("/users", { schema: { body: USER_JSON_SCHEMA } }, async (req, reply) => reply.code(201).send(req.body));
app.get("/session", async (req, reply) => {
  const session = readSession(req.cookies[SESSION_COOKIE], (value) => req.unsignCookie(value));
  const count = (typeof session.count === "number" ? session.count : 0) + 1;
  reply.setCookie(SESSION_COOKIE, JSON.stringify({ ...session, count }), { signed: true, path: "/", httpOnly: true, sameSite: "lax" });
  return { count };
});

/** The session in a signed cookie, or `{}` when it is missing, its signature is wrong or it is not JSON. */
function readSession(cookie: string | undefined, unsign: (value: string) => { valid: boolean; value: string | null }): Record<string, unknown> {
  if (!cookie) return {};
  const unsigned = unsign(cookie);
  if (!unsigned.valid || unsigned.value === null) return {};
  try {
    return JSON.parse(unsigned.value) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const port = portFromEnv();
await app.listen({ port, host: "127.0.0.1" });
announceReady(port);
