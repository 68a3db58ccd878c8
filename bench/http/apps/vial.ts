/** The benchmark app on Vial, served by `vial/node`. */
import { json, Vial } from "vial";
import { serve } from "vial/node";
import { announceReady, HELLO, HELLO_JSON, portFromEnv, ROUTE_COUNT, routeBody, SECRET } from "./shared";
import { UserSchema } from "./zod-user";

const app = new Vial({ config: { SECRET_KEY: SECRET } });

app.get("/", () => HELLO);
app.get("/json", () => HELLO_JSON);
for (let i = 0; i < ROUTE_COUNT; i++) {
  app.get(`/r${i}/<id>`, { endpoint: `r${i}` }, (req) => routeBody(i, req.params.id));
}
app.post("/users", { body: UserSchema }, (req) => json(req.body, { status: 201 }));
app.get("/session", (req) => {
  const count = req.session.get<number>("count", 0) + 1;
  req.session.set("count", count);
  return { count };
});

const port = portFromEnv();
await serve(app, { port, host: "127.0.0.1", handleSignals: true });
announceReady(port);
