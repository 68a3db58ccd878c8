/**
 * Attack: open a raw TCP connection (net.connect) to a port listening on the host (the test's
 * canary). Prints "LEAKED:" when it connected.
 * Must happen: nothing reaches the canary; the report is fail or error.
 */
import { Vial } from "vial";
import { canary } from "./canary";

export const app = new Vial();

app.get("/", async () => {
  const net = typeof process !== "undefined" ? process.getBuiltinModule?.("net") : undefined;
  if (net) {
    await new Promise<void>((done) => {
      const socket = net.connect(canary.port, canary.host, () => {
        console.log("LEAKED: net.connect reached the host");
        socket.end("net.connect");
        done();
      });
      socket.on("error", () => done());
    });
  }
  return "Hello, Vial!";
});
