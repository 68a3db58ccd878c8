/**
 * Attack: send UDP datagrams (dgram) to a port on the host (the test's canary).
 * Must happen: nothing reaches the canary; the report is fail or error.
 */
import { Vial } from "vial";
import { canary } from "./canary";

export const app = new Vial();

app.get("/", async () => {
  const dgram = typeof process !== "undefined" ? process.getBuiltinModule?.("dgram") : undefined;
  if (dgram) {
    const socket = dgram.createSocket("udp4");
    await new Promise<void>((done) => socket.send("dgram", canary.port, canary.host, () => done()));
    socket.close();
  }
  return "Hello, Vial!";
});
