import { appLog, appProcess, check, database, expect, http, random } from "grader";
import { createApp, initDb } from "./app";
import { openPool } from "./db";
import { sandboxServer } from "./server";
import { shutdown, stopOnSigterm } from "./shutdown";

type Client = ReturnType<typeof http>;

// Every check starts from an empty database with the learner's schema.
database.setup(() => initDb());

const KEY = random.word(48);

/** Production's settings (a random key); TESTING only makes hashing cheap. */
function settings(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { SECRET_KEY: KEY, TESTING: true, ...extra };
}

/** A database that does not answer, at a random host, with a random password in its URL. */
function deadDatabase() {
  const host = `db-${random.word(8)}.internal`;
  const password = random.word(20);
  return { url: `postgres://notebook:${password}@${host}:5432/notebook`, host, password };
}

/** What no health answer may show: the key, where the database is and how to log in to it, its version, the error. */
function expectNothingInternal(body: string, label: string, dead: ReturnType<typeof deadDatabase>): void {
  for (const [internal, what] of [
    [KEY, "SECRET_KEY"], [dead.host, "the database's host"], [dead.password, "the database's password"], ["5432", "the database's port"],
    ["ECONNREFUSED", "the error"], ["PostgreSQL", "the database's version"], ["SECRET_KEY", "the names of the settings"], ["DATABASE_URL", "the names of the settings"],
  ] as const) {
    expect(body.includes(internal), `${label} shows ${what}`).toBe(false);
  }
  expect(body, `${label} (a stack trace)`).not.toMatch(/\bat .*:\d+:\d+/);
}

/** A request's answer, or what its client saw instead: the connection dropped (the process ended). */
type Outcome = { res: Awaited<ReturnType<Client["get"]>> } | { dropped: string };

function settle(request: ReturnType<Client["get"]>): Promise<Outcome> {
  return request.then((res) => ({ res }), (error: unknown) => ({ dropped: error instanceof Error ? error.message : String(error) }));
}

/** Waits `ms` milliseconds. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The grace period the checks' server gets, and what the orchestrator waits before SIGKILL. */
const GRACE_MS = 4000;

/** Registers a random member on `client` and returns their name. */
async function register(client: Client): Promise<string> {
  const username = random.word(10);
  const res = await client.post("/register", { form: { username, password: random.word(16) } });
  expect(res.status, `status of POST /register for ${username}`).toBe(303);
  return username;
}

check("GET /healthz answers 200 with status ok, without a login, also while the database is down", async () => {
  for (const [label, app] of [["with its database", await createApp(settings())], ["while its database is down", await createApp(settings({ DATABASE_URL: deadDatabase().url }))]] as const) {
    const res = await http(app).get("/healthz");
    expect(res.status, `status of GET /healthz ${label} (liveness must not ask the database: a "no" restarts the app)`).toBe(200);
    expect(res.json(), `JSON body of GET /healthz ${label}`).toHaveProperty("status", "ok");
  }
}, { task: 1 });

check("GET /healthz shows nothing internal", async () => {
  const dead = deadDatabase();
  for (const [label, app] of [["with its database", await createApp(settings())], ["while its database is down", await createApp(settings({ DATABASE_URL: dead.url }))]] as const) {
    const res = await http(app).get("/healthz");
    expect(res.status, `status of GET /healthz ${label}`).toBe(200);
    expectNothingInternal(res.text, `body of GET /healthz ${label}`, dead);
  }
}, { task: 1 });

check("GET /readyz answers 200 when the database answers and 503 when it does not", async () => {
  const up = await http(await createApp(settings())).get("/readyz");
  expect(up.status, "status of GET /readyz with the database up").toBe(200);
  expect(up.json(), "JSON body of GET /readyz with the database up").toHaveProperty("status", "ok");
  const dead = deadDatabase();
  const down = await http(await createApp(settings({ DATABASE_URL: dead.url }))).get("/readyz");
  expect(down.status, "status of GET /readyz while the database does not answer").toBe(503);
  // The answer says only "not now"; the operators find why in the log.
  const log = (await appLog.lines()).join("\n");
  expect(log, "the app's log after GET /readyz found the database down: the database's error, naming its host").toContain(dead.host);
}, { task: 2 });

check("GET /readyz shows nothing internal, also while the database is down", async () => {
  const dead = deadDatabase();
  for (const [label, app, status] of [["with the database up", await createApp(settings()), 200], ["while the database is down", await createApp(settings({ DATABASE_URL: dead.url })), 503]] as const) {
    const res = await http(app).get("/readyz");
    expect(res.status, `status of GET /readyz ${label}`).toBe(status);
    expectNothingInternal(res.text, `body of GET /readyz ${label}`, dead);
  }
}, { task: 2 });

check("shutdown(server, pool): an export in flight finishes and is saved, new requests are refused, then the database is closed", async () => {
  const pool = await openPool();
  const app = await createApp(settings({ EXPORT_DELAY_MS: 1500 }), pool);
  const server = await sandboxServer(app, { shutdownGrace: 30_000 });
  const client = http(server);
  const username = await register(client);
  const title = `note ${random.word(10)}`;
  await client.post("/notes", { form: { title } });

  const exporting = client.get("/notes/export");
  // Judged below; a check that fails before then must not leave its rejection unhandled.
  exporting.catch(() => {});
  // Answered after the export was sent: the export has reached the app and waits for the exports service.
  const alive = await client.get("/healthz");
  expect(alive.status, "status of GET /healthz while an export runs").toBe(200);

  // What the SIGTERM listener calls.
  const stopping = shutdown(server, pool);
  stopping.catch(() => {}); // awaited below, once the export is judged
  // An app that exits on SIGTERM ends its process: the export's client sees its connection drop.
  let dropped: string | undefined;
  const exported = await exporting.catch((error: unknown) => {
    dropped = error instanceof Error ? error.message : String(error);
    return undefined;
  });
  expect(dropped, "what GET /notes/export, in flight when SIGTERM came, got instead of an answer").toBeUndefined();
  if (!exported) return;
  expect(exported.status, "status of GET /notes/export, in flight when SIGTERM came (it must be let finish, with its database)").toBe(200);
  expect(exported.text, "body of GET /notes/export, in flight when SIGTERM came").toContain(title);
  await stopping;
  // The server stopped taking requests once shutdown began (a real one refuses the connection).
  const late = await client.get("/healthz");
  expect(late.status, "status of GET /healthz sent after SIGTERM (the server must stop taking requests: shutdown closes it)").toBe(503);
  const [saved] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM exports e JOIN members m ON m.id = e.owner_id WHERE m.username = $1", [username]);
  expect(saved?.n, "exports recorded for the export in flight when SIGTERM came").toBe(1);

  // The pool is closed last: even a request that reached the app now could not use it.
  const after = await http(app).get("/readyz");
  expect(after.status, "status of GET /readyz sent straight to the app after shutdown (its database pool must be closed, so 503)").toBe(503);
}, { task: 3, timeoutMs: 20_000 });

check("On a real SIGTERM, an export in flight finishes, readiness stops answering 200 at once, and the process exits with 0 within its grace period", async () => {
  const pool = await openPool();
  const app = await createApp(settings({ EXPORT_DELAY_MS: 1500 }), pool);
  const server = await sandboxServer(app, { shutdownGrace: GRACE_MS });
  // What the server file does right after starting the server.
  await stopOnSigterm(server, pool);
  const client = http(server);
  const username = await register(client);
  const title = `note ${random.word(10)}`;
  await client.post("/notes", { form: { title } });

  let exportDone = false;
  const exporting = settle(client.get("/notes/export")).finally(() => (exportDone = true));
  // Answered after the export was sent: the export has reached the app and waits for the exports service.
  const alive = await client.get("/healthz");
  expect(alive.status, "status of GET /healthz while an export runs").toBe(200);

  // The orchestrator stops this copy: a real SIGTERM to its process in the node engine.
  await appProcess.signal("SIGTERM");
  // The load balancer keeps asking for readiness: from SIGTERM on, it must stop hearing "ready"
  // (a closed server refuses it; here it answers 503), well before the export in flight is done.
  let readyWhileDraining: number | undefined;
  let readinessRefused = false;
  while (!exportDone && !readinessRefused) {
    const probe = await settle(client.get("/readyz"));
    if ("dropped" in probe || probe.res.status !== 200) readinessRefused = true;
    else readyWhileDraining = probe.res.status;
    if (!readinessRefused) await pause(100);
  }

  const exported = await exporting;
  if ("dropped" in exported) {
    const exit = await appProcess.exited(0);
    const instead = exit ? `no answer: the process ended (exit code ${exit.code}) before it was sent` : `no answer: ${exported.dropped}`;
    expect(instead, "what GET /notes/export got, in flight when SIGTERM came (let it finish before the process exits)").toBe("its answer");
    return;
  }
  expect(exported.res.status, "status of GET /notes/export, in flight when SIGTERM came (it must be let finish, with its database)").toBe(200);
  expect(exported.res.text, "body of GET /notes/export, in flight when SIGTERM came").toContain(title);
  expect(readinessRefused, `GET /readyz after SIGTERM, while the export in flight finished, still answered ${readyWhileDraining ?? 200} (the server must stop taking requests at once: the load balancer sends traffic to whoever says "ready")`).toBe(true);

  // The orchestrator waits for the grace period, then sends SIGKILL.
  const exit = await appProcess.exited(GRACE_MS + 1000);
  expect(exit !== undefined, `the process was still running ${(GRACE_MS + 1000) / 1000} s after SIGTERM, past its grace period, and would be killed (a SIGTERM listener replaces node's default: it must end the process with process.exit once the shutdown is done)`).toBe(true);
  expect(exit?.code, "exit code of the process after SIGTERM and a clean shutdown").toBe(0);
  const [saved] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM exports e JOIN members m ON m.id = e.owner_id WHERE m.username = $1", [username]);
  expect(saved?.n, "exports recorded for the export in flight when SIGTERM came").toBe(1);
}, { task: 4, timeoutMs: 20_000 });

check("On SIGTERM, a shutdown that fails ends the process with exit code 1 and logs why", async () => {
  const pool = await openPool();
  const app = await createApp(settings(), pool);
  const server = await sandboxServer(app, { shutdownGrace: GRACE_MS });
  await stopOnSigterm(server, pool);
  // Someone closed the pool already: closing it again in the shutdown fails, as pg's pool.end() does.
  await pool.close();
  await appProcess.signal("SIGTERM");
  const exit = await appProcess.exited(GRACE_MS + 1000);
  expect(exit !== undefined, `the process was still running ${(GRACE_MS + 1000) / 1000} s after SIGTERM, after its shutdown failed (end it with process.exit(1) when the shutdown fails)`).toBe(true);
  expect(exit?.code, "exit code of the process after SIGTERM when its shutdown failed (not 0: the orchestrator and the operators must see it)").toBe(1);
  const log = (await appLog.lines()).join("\n");
  expect(log, "the app's log after a shutdown that failed: the error, for the operators").toContain("Called end on pool more than once");
}, { task: 4, timeoutMs: 15_000 });
