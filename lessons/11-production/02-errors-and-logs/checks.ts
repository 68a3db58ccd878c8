import { appLog, check, expect, http, random } from "grader";
import { createApp } from "./app";

type Client = ReturnType<typeof http>;

/** An app as production runs it: its own random key, DEBUG off; TESTING only makes hashing cheap. */
async function productionApp(key = random.word(48)) {
  return http(await createApp({ SECRET_KEY: key, TESTING: true }));
}

/** Registers a random member on `client` and returns their name and password. */
async function register(client: Client): Promise<{ username: string; password: string }> {
  const member = { username: random.word(10), password: random.word(16) };
  const res = await client.post("/register", { form: member });
  expect(res.status, `status of POST /register for ${member.username}`).toBe(303);
  return member;
}

/** Every line of the log, parsed: a line that is not one JSON object fails the check, naming it. */
async function entries(): Promise<Record<string, unknown>[]> {
  const lines = (await appLog.lines()).filter((line) => line.trim() !== "");
  return lines.map((line) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
    expect(isObject, `this line of the app's log is one JSON object: ${line.slice(0, 160)}`).toBe(true);
    return value as Record<string, unknown>;
  });
}

/** The request lines of the log: entries with the request's method, path and status. */
function requestLine(log: Record<string, unknown>[], method: string, path: string, status: number): Record<string, unknown> | undefined {
  return log.find((entry) => entry.method === method && entry.path === path && entry.status === status);
}

/** What no error page may show: the exception's text, the query, the file path, a stack frame. */
function expectNothingInternal(body: string, label: string): void {
  for (const [internal, what] of [["export failed", "the exception's message"], ["SELECT", "SQL"], ["/srv/notebook", "a file path"], ["EACCES", "the system error"], ["app.ts", "a file name of the code"]] as const) {
    expect(body, `${label} (${what})`).not.toContain(internal);
  }
  expect(body, `${label} (a stack trace)`).not.toMatch(/\bat .*:\d+:\d+/);
}

check("A crash answers 500 with the notebook's own page, which shows nothing of the error", async () => {
  const client = await productionApp();
  await register(client);
  // A proxy in front makes every request look local: a page that shows details to "local" visitors shows them to everyone.
  for (const url of ["/notes/export", "http://127.0.0.1:8000/notes/export", "https://notebook.example/notes/export"]) {
    const res = await client.get(url);
    expect(res.status, `status of GET ${url} (the export crashes)`).toBe(500);
    expectNothingInternal(res.text, `body of GET ${url}`);
    expect(res.text, `body of GET ${url}: the notebook's own error page, with a link back to /notes`).toMatch(/<a [^>]*href="\/notes"/);
  }
}, { task: 1 });

check("Every line the app logs is one JSON object, with one line per request: method, path, status", async () => {
  const client = await productionApp();
  const path = `/notes/${random.word(6)}`;
  await client.get("/login");
  await client.get(path);
  await client.post("/login", { form: { username: random.word(9), password: random.word(12) } });
  const log = await entries();
  for (const [method, expected, status] of [["GET", "/login", 200], ["GET", path, 404], ["POST", "/login", 401]] as const) {
    expect(requestLine(log, method, expected, status), `a log line with "method": "${method}", "path": "${expected}", "status": ${status} (the log: ${JSON.stringify(log).slice(0, 300)})`).toBeDefined();
  }
}, { task: 2 });

check("A crash is logged as JSON with level error, the exception's message and its stack", async () => {
  const client = await productionApp();
  const { username } = await register(client);
  await client.get("/notes/export");
  const log = await entries();
  const crash = log.find((entry) => entry.level === "error" && JSON.stringify(entry).includes(`SELECT title FROM notes WHERE owner = '${username}'`));
  expect(crash, `a log line with "level": "error" holding the exception's message (the log: ${JSON.stringify(log).slice(0, 300)})`).toBeDefined();
  expect(JSON.stringify(crash), "the crash's log line, with the stack (frames such as app.ts:LINE)").toMatch(/app\.ts:\d+/);
  expect(requestLine(log, "GET", "/notes/export", 500), 'a log line with "method": "GET", "path": "/notes/export", "status": 500').toBeDefined();
}, { task: 2 });

check("The log never holds a password, a cookie, a token or the secret key", async () => {
  const key = random.word(48);
  const client = await productionApp(key);
  const { username, password } = await register(client);
  const wrongPassword = random.word(16);
  await client.post("/logout");
  const failed = await client.post("/login", { form: { username, password: wrongPassword } });
  expect(failed.status, "status of POST /login with a wrong password").toBe(401);
  const loggedIn = await client.post("/login", { form: { username, password } });
  expect(loggedIn.status, "status of POST /login with the right password").toBe(303);
  const session = loggedIn.cookies.session ?? "";
  expect(session, "session cookie after logging in").toBeTruthy();
  // What else travels with requests: another site's cookie, an API token, a token in a link.
  const otherCookie = random.word(20);
  const bearer = random.word(32);
  const linkToken = random.word(32);
  await client.get("/notes", { headers: { cookie: `session=${session}; preferences=${otherCookie}`, authorization: `Bearer ${bearer}` } });
  await client.get(`/notes?token=${linkToken}`);
  await client.post("/notes", { form: { title: random.word(8) } });
  await client.get("/notes/export");
  const log = await entries();
  expect(requestLine(log, "GET", "/notes", 200), 'a log line for GET /notes with "status": 200 (a log that says nothing hides nothing either)').toBeDefined();
  // Parsed and written again, so an escape such as \u0070 cannot hide a letter of a secret.
  const text = log.map((entry) => JSON.stringify(entry)).join("\n");
  const signature = session.slice(session.lastIndexOf(".") + 1);
  for (const [secret, what] of [
    [password, "the member's password"], [wrongPassword, "a mistyped password"], [session, "the session cookie"],
    [signature, "the session cookie's signature"], [otherCookie, "a cookie"], [bearer, "the Authorization token"],
    [linkToken, "the ?token= of a link"], [key, "SECRET_KEY"],
  ] as const) {
    expect(text.includes(secret), `the app's log holds ${what} (${secret.slice(0, 12)}...)`).toBe(false);
  }
}, { task: 3 });
