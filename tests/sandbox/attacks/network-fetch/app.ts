/**
 * Attack: fetch() a server on the host (the test's canary; ./canary says where) while the first
 * check waits on GET /. Prints "LEAKED:" when a response came back.
 * Must happen: nothing reaches the canary; the report is fail or error.
 */
import { Vial } from "vial";
import { canary } from "./canary";

export const app = new Vial();

app.get("/", async () => {
  try {
    const response = await fetch(`http://${canary.host}:${canary.port}/fetch`);
    console.log(`LEAKED: fetch answered ${response.status}`);
  } catch {
    // Refused.
  }
  return "Hello, Vial!";
});
