/**
 * The benchmark app on Hono 4 with @hono/node-server. Validation uses Hono's `validator`
 * middleware with zod (@hono/zod-validator is not installed; it does the same); the session is
 * Hono's own signed cookie (`hono/cookie`, HMAC-SHA256).
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { validator } from "hono/validator";
import { announceReady, HELLO, HELLO_JSON, portFromEnv, ROUTE_COUNT, routeBody, SECRET, SESSION_COOKIE } from "./shared";
import { UserSchema } from "./zod-user";

const app = new Hono();

app.get("/", (c) => c.text(HELLO));
app.get("/json", (c) => c.json(HELLO_JSON));
for (let i = 0; i < ROUTE_COUNT; i++) {
  app.get(`/r${i}/:id`, (c) => c.text(routeBody(i, c.req.param("id"))));
}
app.post(
  "/users",
  validator("json", (value, c) => {
    const parsed = UserSchema.safeParse(value);
    return parsed.success ? parsed.data : c.json({ error: parsed.error.issues }, 422);
  }),
  (c) => c.json(c.req.valid("json"), 201),
);
app.get("/session", async (c) => {
  const raw = await getSignedCookie(c, SECRET, SESSION_COOKIE);
  let session: Record<string, unknown> = {};
  try {
    if (raw) session = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    // A cookie that does not parse is no session.
  }
  const count = (typeof session.count === "number" ? session.count : 0) + 1;
  await setSignedCookie(c, SESSION_COOKIE, JSON.stringify({ ...session, count }), SECRET, { path: "/", httpOnly: true, sameSite: "Lax" });
  return c.json({ count });
});

const port = portFromEnv();
serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => announceReady(port));
