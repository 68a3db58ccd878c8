import { check, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { app, initDb } from "./app";

// Two members with random passwords, each with a note; every check starts from these rows.
const ADA = { username: `ada_${random.word(6)}`, password: random.password(18) };
const GRACE = { username: `grace_${random.word(6)}`, password: random.password(18) };
const LIMIT = 512 * 1024;
let hashes: Promise<string[]> | undefined;

database.setup(async () => {
  hashes ??= Promise.all([ADA, GRACE].map((member) => hashPassword(member.password, { method: "pbkdf2:sha256:1000" })));
  const [adaHash, graceHash] = await hashes;
  await initDb();
  await database.query("INSERT INTO members (username, password_hash) VALUES ($1, $2), ($3, $4)", [ADA.username, adaHash, GRACE.username, graceHash]);
  await database.query("INSERT INTO notes (owner_id, title) VALUES (1, $1), (2, $2)", [`Ada's ${random.word(8)}`, `Grace's ${random.word(8)}`]);
});

/** A client logged in as `member`. */
async function loggedIn(member: { username: string; password: string }) {
  const client = http(app);
  const res = await client.post("/login", { json: member });
  expect(res.status, `status of POST /login as ${member.username}`).toBe(200);
  return client;
}

/** The note of member 1 (Ada) and of member 2 (Grace). */
async function noteOf(ownerId: number): Promise<number> {
  const [row] = await database.query<{ id: number }>("SELECT id FROM notes WHERE owner_id = $1", [ownerId]);
  return row!.id;
}

const encoder = new TextEncoder();

/** A multipart/form-data body with one file part, written out byte for byte as a browser sends it. */
function multipart(filename: string, type: string, content: Uint8Array, { end = true } = {}): { body: Uint8Array; headers: Record<string, string> } {
  const boundary = `----vial${random.word(16)}`;
  // Browsers percent-encode only these three in a file name (HTML's multipart/form-data rules).
  const quoted = filename.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const head = encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = encoder.encode(end ? `\r\n--${boundary}--\r\n` : "");
  const body = new Uint8Array(head.length + content.length + tail.length);
  body.set(head);
  body.set(content, head.length);
  body.set(tail, head.length + content.length);
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function upload(client: ReturnType<typeof http>, noteId: number, filename: string, type: string, content: Uint8Array) {
  return client.post(`/notes/${noteId}/attachments`, multipart(filename, type, content));
}

/** `size` random printable bytes, different on every run. */
function randomBytes(size: number): Uint8Array {
  const seed = encoder.encode(`${random.word(32)}\n`);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = seed[i % seed.length]!;
  return bytes;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type Stored = { id: number; note_id: number; owner_id: number; filename: string; content_type: string; size: number; data: string };

/** Every attachment row, its bytes as base64 (line breaks removed). */
async function storedAttachments(): Promise<Stored[]> {
  const rows = await database.query<Stored>("SELECT id, note_id, owner_id, filename, content_type, size, encode(data, 'base64') AS data FROM attachments ORDER BY id");
  return rows.map((row) => ({ ...row, data: row.data.replace(/\s/g, "") }));
}

/** The media type without parameters: `text/plain; charset=utf-8` is `text/plain`. */
const essence = (type: string | undefined) => (type ?? "").split(";")[0]!.trim().toLowerCase();

check("POST /notes/<id>/attachments stores the member's file whole and answers 201 with its id, name, type and size", async () => {
  const client = await loggedIn(ADA);
  const noteId = await noteOf(1);
  const content = randomBytes(3000 + random.int(5000));
  const name = `minutes-${random.word(6)}.txt`;
  const res = await upload(client, noteId, name, "text/plain", content);
  expect(res.status, `status of POST /notes/${noteId}/attachments with ${name}`).toBe(201);
  const body = res.json();
  expect(body.filename, "filename in the answer").toBe(name);
  expect(body.size, "size in the answer").toBe(content.length);
  expect(essence(body.content_type), "content_type in the answer").toBe("text/plain");
  const rows = await storedAttachments();
  expect(rows.length, "rows in attachments afterwards").toBe(1);
  expect(rows[0]!.id, "id in the answer, compared with the stored row's").toBe(body.id);
  expect({ note: rows[0]!.note_id, owner: rows[0]!.owner_id, size: rows[0]!.size, name: rows[0]!.filename }, "the stored row").toEqual({ note: noteId, owner: 1, size: content.length, name });
  expect(rows[0]!.data === base64(content), "the stored bytes equal the uploaded ones").toBe(true);
}, { task: 1 });

check("Uploading needs a login and your own note: a visitor gets 401, another member's note 404, and nothing is stored", async () => {
  const content = randomBytes(200);
  const graceNote = await noteOf(2);
  const visitor = await http(app).post(`/notes/${graceNote}/attachments`, multipart("a.txt", "text/plain", content));
  expect(visitor.status, `status of POST /notes/${graceNote}/attachments without logging in`).toBe(401);
  const ada = await loggedIn(ADA);
  const theirs = await upload(ada, graceNote, "a.txt", "text/plain", content);
  expect(theirs.status, `status of POST /notes/${graceNote}/attachments (Grace's note) as Ada`).toBe(404);
  const missing = await upload(ada, graceNote + 1000 + random.int(1000), "a.txt", "text/plain", content);
  expect(missing.status, "status of POST /notes/<a note that does not exist>/attachments").toBe(404);
  expect((await storedAttachments()).length, "rows in attachments afterwards").toBe(0);
  const empty = await upload(ada, await noteOf(1), "empty.txt", "text/plain", new Uint8Array());
  expect(empty.status, "status of POST /notes/<id>/attachments with an empty file").toBe(400);
}, { task: 1 });

const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

check("A file name that tries to climb out of a folder, or to be a device, is stored as a safe name", async () => {
  const client = await loggedIn(ADA);
  const noteId = await noteOf(1);
  const marker = random.word(6);
  const names = [
    `../../${marker}.txt`, `..\\..\\${marker}.txt`, `%2e%2e%2f%2e%2e%2f${marker}.txt`, `..%2f${marker}.txt`, `/etc/${marker}`,
    `C:\\Windows\\${marker}.ini`, `\\\\server\\share\\${marker}.txt`, `${marker}\u0000.png`, "CON", "nul.txt", "LPT1.log", `COM1.${marker}`,
    ".htaccess", "..", "...", `.${marker}`, `<img src=x onerror=alert(1)>${marker}.png`, "\u0444\u0430\u0439\u043b",
  ];
  for (const name of names) {
    const before = (await storedAttachments()).length;
    const res = await upload(client, noteId, name, "text/plain", randomBytes(64));
    // Refusing a hostile name is as safe as cleaning it; storing it as sent is not.
    if (res.status === 400 || res.status === 415) {
      expect((await storedAttachments()).length, `rows in attachments after refusing ${JSON.stringify(name)}`).toBe(before);
      continue;
    }
    expect(res.status, `status of the upload named ${JSON.stringify(name)}`).toBe(201);
    const answered = String(res.json().filename);
    const [row] = await database.query<{ filename: string }>("SELECT filename FROM attachments WHERE id = $1", [res.json().id]);
    const stored = row?.filename ?? "";
    expect(stored, `the stored name of ${JSON.stringify(name)}, compared with the answered one`).toBe(answered);
    expect(stored, `the stored name of ${JSON.stringify(name)} (letters, digits, _ . - only, not empty)`).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(stored.startsWith("."), `the stored name of ${JSON.stringify(name)} (${stored}) starts with a dot`).toBe(false);
    expect(DEVICE.test(stored.split(".")[0]!), `the stored name of ${JSON.stringify(name)} (${stored}) is a Windows device name`).toBe(false);
  }
  const plain = await upload(client, noteId, `My report ${marker}.pdf`, "application/pdf", randomBytes(64));
  expect(plain.json().filename, `the stored name of "My report ${marker}.pdf"`).toBe(`My_report_${marker}.pdf`);
}, { task: 1, timeoutMs: 20_000 });

check("The stored type comes from an allowlist of extensions, never from the client's Content-Type", async () => {
  const client = await loggedIn(ADA);
  const noteId = await noteOf(1);
  const stem = random.word(7);
  const claims = ["text/html", "image/svg+xml", "application/xhtml+xml", "text/javascript"];
  const cases: [string, string][] = [
    [`${stem}.png`, "image/png"], [`${stem}.JPG`, "image/jpeg"], [`${stem}.gif`, "image/gif"], [`${stem}.pdf`, "application/pdf"], [`${stem}.txt`, "text/plain"],
    ...[".html", ".htm", ".HTML", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".js", ".mjs", ".mht", ".css", ".json", "", ".html.", ".exe", ".png.html"].map(
      (extension): [string, string] => [`${stem}${extension}`, "application/octet-stream"],
    ),
  ];
  for (const [name, expected] of cases) {
    const claimed = random.pick(claims);
    const before = (await storedAttachments()).length;
    const res = await upload(client, noteId, name, claimed, encoder.encode(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>`));
    // A name outside the allowlist may also be refused outright, as long as nothing is stored.
    if (expected === "application/octet-stream" && (res.status === 400 || res.status === 415)) {
      expect((await storedAttachments()).length, `rows in attachments after refusing ${name}`).toBe(before);
      continue;
    }
    expect(res.status, `status of the upload of ${name} sent as ${claimed}`).toBe(201);
    const [row] = await database.query<{ content_type: string }>("SELECT content_type FROM attachments WHERE id = $1", [res.json().id]);
    expect(essence(row?.content_type), `the stored type of ${name}, sent as ${claimed}`).toBe(expected);
    expect(essence(res.json().content_type), `content_type in the answer for ${name}, sent as ${claimed}`).toBe(expected);
  }
}, { task: 2, timeoutMs: 20_000 });

check("A file just under 512 KiB is stored whole", async () => {
  const client = await loggedIn(ADA);
  const content = randomBytes(LIMIT - 1024 - random.int(2048));
  const res = await upload(client, await noteOf(1), "big.txt", "text/plain", content);
  expect(res.status, `status of an upload of ${content.length} bytes`).toBe(201);
  const rows = await storedAttachments();
  expect(rows[0]?.size, "the stored size").toBe(content.length);
  expect(rows[0]?.data === base64(content), "the stored bytes equal the uploaded ones").toBe(true);
}, { task: 3, timeoutMs: 15_000 });

check("A body over 512 KiB answers 413 and stores nothing", async () => {
  const client = await loggedIn(ADA);
  const content = randomBytes(LIMIT + 1 + random.int(64 * 1024));
  const res = await upload(client, await noteOf(1), "huge.txt", "text/plain", content);
  expect(res.status, `status of an upload of ${content.length} bytes`).toBe(413);
  expect((await storedAttachments()).length, "rows in attachments afterwards").toBe(0);
}, { task: 3, timeoutMs: 15_000 });

check("A body over 512 KiB is refused with 413 while it arrives, before the app reads to its end", async () => {
  // This body stops mid-file: its closing boundary never comes, as with a client still sending.
  // An app that stops at 512 KiB answers 413; one that reads to the end first finds a broken form.
  const client = await loggedIn(ADA);
  const res = await client.post(`/notes/${await noteOf(1)}/attachments`, multipart("endless.bin", "application/octet-stream", randomBytes(2 * LIMIT), { end: false }));
  expect(res.status, "status of a 1 MiB upload whose end has not arrived").toBe(413);
  expect((await storedAttachments()).length, "rows in attachments afterwards").toBe(0);
}, { task: 3, timeoutMs: 15_000 });
