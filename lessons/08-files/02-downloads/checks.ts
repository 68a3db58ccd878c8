import { check, database, expect, http, random } from "grader";
import { hashPassword } from "vial";
import { app, initDb } from "./app";

// Two members with random passwords, each with a note; every check starts from these rows.
const ADA = { username: `ada_${random.word(6)}`, password: random.password(18) };
const GRACE = { username: `grace_${random.word(6)}`, password: random.password(18) };
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

/** The media type without parameters: `text/plain; charset=utf-8` is `text/plain`. */
const essence = (type: string | undefined) => (type ?? "").split(";")[0]!.trim().toLowerCase();

/** Ada uploads a file to her note; the id and the safe name her app answered. */
async function adaUploads(client: ReturnType<typeof http>, name: string, type: string, content: Uint8Array): Promise<{ id: number; filename: string } | undefined> {
  const res = await upload(client, await noteOf(1), name, type, content);
  // The previous lesson lets an app refuse a name outside its allowlist; there is nothing to download then.
  if (res.status === 400 || res.status === 415) return undefined;
  expect(res.status, `status of the upload of ${name}`).toBe(201);
  return { id: res.json().id, filename: res.json().filename };
}

/**
 * A Content-Disposition header read as RFC 6266 says: its type, and the file name from
 * `filename*=UTF-8''...` (preferred) or `filename="..."` / `filename=token`.
 */
function disposition(header: string | null): { type: string; filename: string | undefined } {
  const text = header ?? "";
  const type = text.split(";")[0]!.trim().toLowerCase();
  const params = new Map<string, string>();
  for (const match of text.matchAll(/;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    params.set(match[1]!.toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, "$1") : match[3]!);
  }
  const extended = params.get("filename*");
  if (extended !== undefined) {
    const value = /^utf-8'[^']*'(.*)$/i.exec(extended)?.[1];
    try {
      if (value !== undefined) return { type, filename: decodeURIComponent(value) };
    } catch {
      return { type, filename: undefined };
    }
  }
  return { type, filename: params.get("filename") };
}

/** Types a browser renders as a page or runs as code: an uploaded file must never be served as one. */
const RENDERABLE = new Set(["text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml", "text/xsl", "application/xslt+xml", "text/javascript", "application/javascript", "text/css", "multipart/x-mixed-replace", "message/rfc822", "application/mathml+xml", "text/vtt"]);

check("GET /attachments/<id> gives the owner the file as a download: the bytes, the stored type, attachment with the safe name, nosniff", async () => {
  const ada = await loggedIn(ADA);
  const content = randomBytes(500 + random.int(3000));
  const text = new TextDecoder().decode(content);
  const file = await adaUploads(ada, `Minutes ${random.word(5)}.txt`, "text/plain", content);
  expect(file !== undefined, "the upload of a .txt file was accepted").toBe(true);
  const res = await ada.get(`/attachments/${file!.id}`);
  expect(res.status, `status of GET /attachments/${file!.id} as its owner`).toBe(200);
  expect(res.text === text, `the body of GET /attachments/${file!.id} equals the uploaded file (${content.length} bytes)`).toBe(true);
  expect(essence(res.headers.get("content-type") ?? undefined), `Content-Type of GET /attachments/${file!.id}`).toBe("text/plain");
  const { type, filename } = disposition(res.headers.get("content-disposition"));
  expect(type, `the type of Content-Disposition (${res.headers.get("content-disposition")})`).toBe("attachment");
  expect(filename, `the file name in Content-Disposition (${res.headers.get("content-disposition")})`).toBe(file!.filename);
  expect(res.headers.get("x-content-type-options")?.trim().toLowerCase(), "X-Content-Type-Options").toBe("nosniff");

  const image = await adaUploads(ada, `photo-${random.word(5)}.png`, "text/html", randomBytes(300));
  const served = await ada.get(`/attachments/${image!.id}`);
  expect(essence(served.headers.get("content-type") ?? undefined), "Content-Type of a .png uploaded as text/html").toBe("image/png");
}, { task: 1, timeoutMs: 20_000 });

check("An uploaded HTML, SVG or XML page with a script is never served as something a browser renders", async () => {
  const ada = await loggedIn(ADA);
  const marker = random.word(8);
  const page = encoder.encode(`<!doctype html><svg xmlns="http://www.w3.org/2000/svg" onload="x${marker}()"><script>x${marker}()</script></svg>`);
  const names = [".html", ".htm", ".xhtml", ".svg", ".xml", ".shtml", ".js", ".txt.html", ""].map((extension) => `page-${marker}${extension}`);
  for (const name of names) {
    const file = await adaUploads(ada, name, random.pick(["text/html", "image/svg+xml", "application/xhtml+xml"]), page);
    if (!file) continue;
    const res = await ada.get(`/attachments/${file.id}`);
    expect(res.status, `status of GET /attachments/${file.id} (${name})`).toBe(200);
    const type = essence(res.headers.get("content-type") ?? undefined);
    expect(type !== "" && !RENDERABLE.has(type) && !type.endsWith("+xml"), `Content-Type of ${name} served back (${type || "none"}) is a type no browser renders`).toBe(true);
    expect(disposition(res.headers.get("content-disposition")).type, `the type of Content-Disposition for ${name}`).toBe("attachment");
    expect(res.headers.get("x-content-type-options")?.trim().toLowerCase(), `X-Content-Type-Options for ${name}`).toBe("nosniff");
  }
}, { task: 1, timeoutMs: 20_000 });

check("Only the owner gets an attachment: another member gets 404, a visitor 401, and no spelling of the path reaches it", async () => {
  const ada = await loggedIn(ADA);
  const secret = randomBytes(400);
  const secretText = new TextDecoder().decode(secret);
  const file = await adaUploads(ada, `diary-${random.word(5)}.txt`, "text/plain", secret);
  const grace = await loggedIn(GRACE);
  const theirs = await grace.get(`/attachments/${file!.id}`);
  expect(theirs.status, `status of GET /attachments/${file!.id} (Ada's) as Grace`).toBe(404);
  expect(theirs.text.includes(secretText.slice(0, 40)), "Grace's answer holds Ada's file").toBe(false);
  const missing = await grace.get(`/attachments/${file!.id + 1000 + random.int(1000)}`);
  expect(missing.status, "status of GET /attachments/<an id that does not exist>").toBe(404);
  const visitor = await http(app).get(`/attachments/${file!.id}`);
  expect(visitor.status, `status of GET /attachments/${file!.id} without logging in`).toBe(401);
  const id = file!.id;
  const spellings = [`${id}/`, `${id}/../${id}`, `..%2f${id}`, `${id}%00`, `${id}%2500`, `${id}.txt`, `0${id}`, `+${id}`, ` ${id}`, `${id}#`, `${id};`, `%2e%2e/attachments/${id}`, `${id}%2f..%2f${id}`];
  for (const spelling of spellings) {
    for (const [who, client] of [["Grace", grace], ["a visitor", http(app)]] as const) {
      const res = await client.get(`/attachments/${spelling}`);
      expect(res.status >= 200 && res.status < 300, `GET /attachments/${spelling} as ${who} answered ${res.status}`).toBe(false);
      expect(res.text.includes(secretText.slice(0, 40)), `GET /attachments/${spelling} as ${who} holds Ada's file`).toBe(false);
    }
  }
}, { task: 2, timeoutMs: 20_000 });
