import { attack, check, expect, http } from "grader";
import { app } from "./app";

check("GET /greet?name=Ada greets Ada", async () => {
  const res = await http(app).get("/greet?name=Ada");
  expect(res.status, "status of GET /greet?name=Ada").toBe(200);
  expect(res.text, "body of GET /greet?name=Ada").toBe("Hello, Ada!");
}, { task: 1 });

check("GET /greet without a name greets a stranger", async () => {
  const client = http(app);
  const missing = await client.get("/greet");
  expect(missing.text, "body of GET /greet (no name)").toBe("Hello, stranger!");
  const empty = await client.get("/greet?name=");
  expect(empty.text, "body of GET /greet?name= (empty name)").toBe("Hello, stranger!");
}, { task: 1 });

check("GET /greet escapes HTML in the name", async () => {
  const res = await http(app).get("/greet", { query: { name: "<b>Ada</b>" } });
  expect(res.text, "body of GET /greet?name=<b>Ada</b>").toContain("Ada");
  expect(res.text, "body of GET /greet?name=<b>Ada</b>").not.toContain("<b>");
  const findings = await attack.xss({ input: "?name= of GET /greet", send: (payload) => http(app).get("/greet", { query: { name: payload } }), contexts: ["text"] });
  expect(findings, "markup typed into ?name= of GET /greet").toHaveNoFindings();
}, { task: 1 });

check("GET /whoami reports the User-Agent", async () => {
  const res = await http(app).get("/whoami", { headers: { "User-Agent": "LessonBot/1.0" } });
  expect(res.status, "status of GET /whoami").toBe(200);
  expect(res.json(), "JSON body of GET /whoami with User-Agent: LessonBot/1.0").toEqual({ agent: "LessonBot/1.0" });
}, { task: 2 });

check("GET /whoami without a User-Agent says unknown", async () => {
  const res = await http(app).get("/whoami");
  expect(res.json(), "JSON body of GET /whoami with no User-Agent header").toEqual({ agent: "unknown" });
}, { task: 2 });

check("POST /echo echoes the message and its length", async () => {
  const res = await http(app).post("/echo", { json: { message: "hi there" } });
  expect(res.status, "status of POST /echo").toBe(200);
  expect(res.json(), "JSON body of POST /echo with {\"message\": \"hi there\"}").toEqual({ message: "hi there", length: 8 });
}, { task: 3 });

check("POST /echo with malformed JSON answers 400", async () => {
  const res = await http(app).post("/echo", { body: "{\"message\": ", headers: { "Content-Type": "application/json" } });
  expect(res.status, "status of POST /echo with a cut-off JSON body").toBe(400);
}, { task: 3 });

check("POST /echo with a text body answers 415", async () => {
  const res = await http(app).post("/echo", { body: "hi there", headers: { "Content-Type": "text/plain" } });
  expect(res.status, "status of POST /echo with Content-Type: text/plain").toBe(415);
}, { task: 3 });

check("POST /echo without a string message answers 400 with an error", async () => {
  const client = http(app);
  for (const body of [{ msg: "hi" }, { message: 42 }]) {
    const res = await client.post("/echo", { json: body });
    expect(res.status, `status of POST /echo with ${JSON.stringify(body)}`).toBe(400);
    expect(res.json(), `JSON body of POST /echo with ${JSON.stringify(body)}`).toHaveProperty("error");
  }
}, { task: 4 });
