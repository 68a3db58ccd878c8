import type { VialRequest } from "vial";
import { connect, type Database } from "vial/db";
import { SCHEMA } from "./schema";

/**
 * The request's database connection, opened on first use and kept in `req.g` for the rest of
 * the request (Flask's `get_db()`). In the course's sandbox `connect()` reaches the lesson's
 * PostgreSQL; on a server it opens `DATABASE_URL` through the driver you register.
 */
export async function getDb(req: Pick<VialRequest, "g">): Promise<Database> {
  if (!req.g.db) req.g.db = await connect();
  return req.g.db as Database;
}

/** Closes the request's connection, if it opened one: registered with `app.teardownRequest` (Flask's `close_db`). */
export async function closeDb(_error: unknown, req: Pick<VialRequest, "g">): Promise<void> {
  const db = req.g.db as Database | undefined;
  delete req.g.db;
  await db?.close();
}

/** The init-db command: creates the tables on an empty database. */
export async function initDb(): Promise<void> {
  const db = await connect();
  try {
    await db.query(SCHEMA);
  } finally {
    await db.close();
  }
}
