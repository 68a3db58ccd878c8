/**
 * Attack: http.get a server on the host (the test's canary). Prints "LEAKED:" on a response.
 * Must happen: nothing reaches the canary; the report is fail or error.
 */
import { Vial } from "vial";
import { canary } from "./canary";

export const app = new Vial();

app.get("/", async () => {
  const http = typeof process !== "undefined" ? process.getBuiltinModule?.("http") : undefined;
  if (http) {
    await new Promise<void>((done) => {
      http.get(`http://${canary.host}:${canary.port}/http-get`, (response) => {
        console.log(`LEAKED: http.get answered ${response.statusCode}`);
        response.resume();
        done();
      }).on("error", () => done());
    });
  }
  return "Hello, Vial!";
});
