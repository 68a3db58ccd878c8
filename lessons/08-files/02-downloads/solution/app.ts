import { Vial, abort, secureFilename } from "vial";
import { logIn, requireMember } from "./auth";
import { base64ToBytes, bytesToBase64 } from "./base64";
import { closeDb, getDb } from "./db";

export const app = new Vial();
app.teardownRequest(closeDb);

// The real key comes from the environment (VIAL_SECRET_KEY=...); the fallback only lets the app
// run on your machine and in the sandbox, and must never sign a cookie in production.
app.config.fromEnv("VIAL");
app.config.SECRET_KEY ??= "dev-only: not a secret, set VIAL_SECRET_KEY in production";
app.config.SESSION_COOKIE_SAMESITE = "Lax";
// The largest request body the app reads. Vial counts the bytes as they arrive and answers 413
// as soon as a body passes it, so a 2 GB upload costs 512 KiB, not 2 GB.
app.config.MAX_CONTENT_LENGTH = 512 * 1024;

export { initDb } from "./db";

/** Logs a member in: `{ "username", "password" }` in, the member's id kept in the signed session. */
app.post("/login", async (req) => {
  const input = await req.json<{ username?: unknown; password?: unknown } | null>();
  if (typeof input?.username !== "string" || typeof input.password !== "string") abort(400, 'Send {"username": ..., "password": ...}.');
  const memberId = await logIn(req, input.username, input.password);
  if (memberId === undefined) return [{ error: "Wrong username or password." }, 401];
  req.session.clear();
  req.session.set("member_id", memberId);
  return { member_id: memberId };
});

app.post("/logout", (req) => {
  req.session.clear();
  return { logged_out: true };
});

/**
 * The orders `?sort=` may name, and the SQL of each. Column names and ASC/DESC cannot be `$1`
 * parameters (parameters are values), so the SQL comes from this table, never from the request.
 */
const ORDERS = {
  newest: "created_at DESC, id DESC",
  oldest: "created_at ASC, id ASC",
  title: "lower(title) ASC, id ASC",
} as const;

/** `%`, `_` and `\` are wildcards (and the escape) in a LIKE pattern: escaped, they match themselves. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (wildcard) => `\\${wildcard}`)}%`;
}

/** The most notes one page may hold: a client cannot make the database read the whole table at once. */
const MAX_PER_PAGE = 50;

/** A whole number from 1 to `max`, from its text; undefined for anything else ("0", "2.5", "1e3", " 3"). */
function wholeNumber(text: string, max: number): number | undefined {
  if (!/^[1-9]\d{0,8}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

/** Public notes whose title contains `?q=`, in the order `?sort=` names, one page at a time. */
app.get("/notes", async (req) => {
  const sort = req.query.get("sort") ?? "newest";
  if (!Object.hasOwn(ORDERS, sort)) {
    return [{ error: `sort must be one of ${Object.keys(ORDERS).join(", ")}; got "${sort}"` }, 400];
  }
  const page = wholeNumber(req.query.get("page") ?? "1", 1_000_000);
  if (page === undefined) return [{ error: "page must be a whole number from 1" }, 400];
  const perPage = wholeNumber(req.query.get("per_page") ?? "20", MAX_PER_PAGE);
  if (perPage === undefined) return [{ error: `per_page must be a whole number from 1 to ${MAX_PER_PAGE}` }, 400];
  const db = await getDb(req);
  const { rows } = await db.query(
    `SELECT id, title, created_at FROM notes WHERE public AND title ILIKE $1 ESCAPE '\\' ORDER BY ${ORDERS[sort as keyof typeof ORDERS]} LIMIT $2 OFFSET $3`,
    [likeContaining(req.query.get("q") ?? ""), perPage, (page - 1) * perPage],
  );
  return { page, per_page: perPage, notes: rows };
});

/** The SQLSTATE of a CHECK constraint that refused a row (a title too long or empty). */
const CHECK_VIOLATION = "23514";

/**
 * Imports several notes for one member, all or none: the inserts run in one transaction, so a
 * refused note rolls back the ones before it instead of leaving half an import behind.
 */
app.post("/notes/import", async (req) => {
  const { owner_id: ownerId, notes } = (await req.json()) as { owner_id?: unknown; notes?: unknown };
  if (!Number.isSafeInteger(ownerId) || !Array.isArray(notes) || notes.length === 0 || notes.length > 100) {
    return [{ error: "send { owner_id, notes: [{ title, body }] } with 1 to 100 notes" }, 400];
  }
  const db = await getDb(req);
  try {
    const ids = await db.transaction(async (tx) => {
      const created: number[] = [];
      for (const note of notes as { title?: unknown; body?: unknown }[]) {
        const { rows } = await tx.query<{ id: number }>("INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3) RETURNING id", [ownerId, String(note.title ?? ""), String(note.body ?? "")]);
        created.push(rows[0]!.id);
      }
      return created;
    });
    return [{ ids }, 201];
  } catch (error) {
    if ((error as { code?: string }).code === CHECK_VIOLATION) return [{ error: "every note needs a title of 1 to 200 characters; nothing was imported" }, 400];
    throw error;
  }
});

/** One public note: `<int:id>` lets only digits through, and the id still travels as a parameter. */
app.get("/notes/<int:id>", async (req) => {
  const db = await getDb(req);
  const { rows } = await db.query("SELECT id, title, body, created_at FROM notes WHERE public AND id = $1", [req.params.id]);
  return rows[0] ?? [{ error: "There is no such note." }, 404];
});

/**
 * The types files are stored and served as, by extension. Everything else is
 * `application/octet-stream`, which no browser renders: an allowlist, because a blocklist of
 * `.html` and `.svg` still lets `.htm`, `.xhtml`, `.xml` and the next type nobody thought of through.
 */
const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  pdf: "application/pdf",
  txt: "text/plain; charset=utf-8",
};

/** The type for a (safe) file name, from its extension in any case; never what the client claimed. */
function contentTypeFor(filename: string): string {
  const dot = filename.lastIndexOf(".");
  const extension = dot === -1 ? "" : filename.slice(dot + 1).toLowerCase();
  return Object.hasOwn(CONTENT_TYPES, extension) ? CONTENT_TYPES[extension]! : "application/octet-stream";
}

/** Attaches the file in the form's `file` field to one of the member's own notes. */
app.post("/notes/<int:id>/attachments", async (req) => {
  const memberId = requireMember(req);
  const db = await getDb(req);
  // Whose note it is comes first: a request that will be refused is never read.
  const { rows } = await db.query("SELECT id FROM notes WHERE id = $1 AND owner_id = $2", [req.params.id, memberId]);
  if (rows.length === 0) return [{ error: "There is no such note." }, 404];
  // Reading the form is where MAX_CONTENT_LENGTH answers 413 for a body that is too large.
  const file = (await req.files).get("file");
  if (!file || file.size === 0) return [{ error: 'Send a non-empty file in the "file" field of a multipart form.' }, 400];
  // The client's name is only a hint: "../../app.ts" becomes "app.ts", and a name with nothing
  // safe left in it ("..", "файл") gets one of ours.
  const filename = secureFilename(file.filename) || "attachment";
  const contentType = contentTypeFor(filename);
  const stored = await db.query<{ id: number }>(
    "INSERT INTO attachments (note_id, owner_id, filename, content_type, size, data) VALUES ($1, $2, $3, $4, $5, decode($6, 'base64')) RETURNING id",
    [req.params.id, memberId, filename, contentType, file.size, bytesToBase64(await file.bytes())],
  );
  return [{ id: stored.rows[0]!.id, filename, content_type: contentType, size: file.size }, 201];
});

/**
 * `Content-Disposition: attachment` with the name quoted: the browser saves the file instead of
 * showing it. The safe name holds only letters, digits, `_`, `.` and `-`, but it is quoted (and
 * `\` and `"` escaped) anyway, so the header stays right whatever the name becomes one day.
 */
function attachmentDisposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[\\"]/g, "\\$&")}"`;
}

/** Sends one of the member's own attachments back, as a download that no browser renders. */
app.get("/attachments/<int:id>", async (req) => {
  const memberId = requireMember(req);
  const db = await getDb(req);
  // The owner is part of the query: another member's attachment is "no such attachment", the
  // same answer as an id that does not exist, so ids tell nobody what exists.
  const { rows } = await db.query<{ filename: string; content_type: string; data: string }>(
    "SELECT filename, content_type, encode(data, 'base64') AS data FROM attachments WHERE id = $1 AND owner_id = $2",
    [req.params.id, memberId],
  );
  const attachment = rows[0];
  if (!attachment) return [{ error: "There is no such attachment." }, 404];
  return new Response(base64ToBytes(attachment.data), {
    headers: {
      // The type chosen at upload from the allowlist, never the client's claim.
      "Content-Type": attachment.content_type,
      "Content-Disposition": attachmentDisposition(attachment.filename),
      // Without it, some browsers guess the type from the bytes and render an "image" as HTML.
      "X-Content-Type-Options": "nosniff",
    },
  });
});
