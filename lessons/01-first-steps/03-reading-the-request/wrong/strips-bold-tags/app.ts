import { Vial } from "vial";

export const app = new Vial();

app.get("/greet", (req) => {
  // Missing (?) and empty (?name=) both mean "no name given".
  const name = req.query.get("name") || "stranger";
  // Removes bold tags, the markup people type most; everything else goes through as it is.
  return new Response(`Hello, ${name.replace(/<\/?b>/gi, "")}!`, { headers: { "content-type": "text/html; charset=utf-8" } });
});

app.get("/whoami", (req) => ({ agent: req.headers.get("user-agent") ?? "unknown" }));

app.post("/echo", async (req) => {
  // Malformed JSON (400) and a non-JSON Content-Type (415) never get past this line.
  const body = await req.json<{ message?: unknown } | null>();
  const message = body?.message;
  if (typeof message !== "string") {
    return [{ error: "message must be a string, e.g. {\"message\": \"hi\"}" }, 400];
  }
  return { message, length: message.length };
});
