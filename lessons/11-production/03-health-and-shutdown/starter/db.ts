import { connect, type Database, type QueryResult } from "vial/db";
import { SCHEMA } from "./schema";

/**
 * The app's way to its database, shaped like node-postgres's `Pool`: `query` borrows a
 * connection for one statement, and `close()` (pg's `pool.end()`) ends them all, once: a second
 * call fails, as pg's does. A server process keeps one pool for its whole life and closes it
 * last, when it shuts down: an open pool keeps node's event loop, and the database's connection
 * slots, busy.
 */
export interface Pool {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  close(): Promise<void>;
}

/** Where a database URL points, as a driver's error message names it (never its password). */
function hostOf(url: string | undefined): string {
  if (url === undefined) return "the lesson's database";
  try {
    return new URL(url).host || url;
  } catch {
    return "an address that is not a URL";
  }
}

/**
 * The pool for `url` (`DATABASE_URL`), or for the lesson's own database when there is none. In
 * the course's sandbox only the lesson's database can be reached: any other URL behaves like a
 * database server that does not answer, and every statement fails, as with `pg` when the
 * database is down.
 */
export function openPool(url?: string): Pool {
  let closed = false;
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      if (closed) throw new Error("Cannot use a pool after calling close() on it.");
      let db: Database;
      try {
        db = await connect(url);
      } catch (error) {
        // What pg says when the server is down names the host and port, as this does.
        throw new Error(`connect ECONNREFUSED ${hostOf(url)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      try {
        return await db.query<Row>(sql, params);
      } finally {
        await db.close();
      }
    },
    async close() {
      // As pg's pool.end(): a second call is an error.
      if (closed) throw new Error("Called end on pool more than once");
      closed = true;
    },
  };
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
