/**
 * What an app needs from a SQL database, and nothing more: statements with `$1` parameters,
 * transactions and closing. node-postgres (`pg`) and PGlite both fit through the adapters in
 * adapters.ts; nothing in `vial/db` imports either, so the core stays as it is.
 */

/** The rows a statement returned, and how many rows it affected (or returned). */
export interface QueryResult<Row = Record<string, unknown>> {
  rows: Row[];
  rowCount: number;
}

/**
 * A connection to a PostgreSQL database.
 *
 * - `query(sql, params)` runs **one** statement; `$1`, `$2`, ... are filled with `params`, sent
 *   apart from the SQL text, so a value can never become SQL.
 * - `query(sql)` without parameters runs a **script**: several statements separated by `;`,
 *   answered by the last one's rows (PostgreSQL's simple query protocol, as in `pg`). That is
 *   what `initDb` uses for a schema, and why SQL built by pasting input is so dangerous: the
 *   input can end the statement and start another.
 * - `transaction(fn)` runs `fn` between `BEGIN` and `COMMIT`, and rolls back if it throws.
 *
 * @example
 * ```ts
 * import type { Database } from "vial/db";
 * async function titles(db: Database, owner: number): Promise<string[]> {
 *   const { rows } = await db.query<{ title: string }>("SELECT title FROM notes WHERE owner_id = $1 ORDER BY id", [owner]);
 *   return rows.map((row) => row.title);
 * }
 * ```
 */
export interface Database {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
