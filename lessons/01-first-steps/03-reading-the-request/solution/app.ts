import { Vial, html } from "vial";

export const app = new Vial();

app.get("/greet", (req) => {
  // Missing (?) and empty (?name=) both mean "no name given".
  const name = req.query.get("name") || "stranger";
  // The html template escapes the name, so nobody can inject markup into the page.
  return html`Hello, ${name}!`;
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
