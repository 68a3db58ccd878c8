/**
 * The benchmark app on Express 5: `express.json()` then zod; the session is Express's own signed
 * cookie (`res.cookie(..., { signed: true })`, cookie-signature), read back the way cookie-parser
 * (not installed) does it: `cookie` to parse, `cookie-signature` to unsign.
 */
import { parse as parseCookies } from "cookie";
import { unsign } from "cookie-signature";
import express from "express";
import { announceReady, HELLO, HELLO_JSON, portFromEnv, ROUTE_COUNT, routeBody, SECRET, SESSION_COOKIE } from "./shared";
import { UserSchema } from "./zod-user";

const app = express();
app.disable("x-powered-by");
app.disable("etag");

app.get("/", (_req, res) => {
  res.type("text/plain").send(HELLO);
});
app.get("/json", (_req, res) => {
  res.json(HELLO_JSON);
});
for (let i = 0; i < ROUTE_COUNT; i++) {
  app.get(`/r${i}/:id`, (req, res) => {
    res.type("text/plain").send(routeBody(i, req.params.id));
  });
}
app.post("/users", express.json(), (req, res) => {
  const parsed = UserSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(422).json({ error: parsed.error.issues });
    return;
  }
  res.status(201).json(parsed.data);
});
app.get("/session", (req, res) => {
  // cookie-parser's job: res.cookie(..., { signed: true }) signs with req.secret.
  (req as unknown as { secret: string }).secret = SECRET;
  const session = readSignedSession(req.headers.cookie);
  const count = (typeof session.count === "number" ? session.count : 0) + 1;
  res.cookie(SESSION_COOKIE, { ...session, count }, { signed: true, httpOnly: true, sameSite: "lax", path: "/" });
  res.json({ count });
});

function readSignedSession(header: string | undefined): Record<string, unknown> {
  const value = header ? parseCookies(header)[SESSION_COOKIE] : undefined;
  if (!value?.startsWith("s:")) return {};
  const unsigned = unsign(value.slice(2), SECRET);
  if (unsigned === false || !unsigned.startsWith("j:")) return {};
  try {
    return JSON.parse(unsigned.slice(2)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const port = portFromEnv();
app.listen(port, "127.0.0.1", () => announceReady(port));
