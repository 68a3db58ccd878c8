import type { Database, QueryResult } from "./database.ts";

/** What `fromPg` needs of a node-postgres `Pool` (or `Client`): its `query`, and `connect` for transactions. */
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}
export interface PgPoolLike extends PgQueryable {
  connect(): Promise<PgQueryable & { release(error?: Error | boolean): void }>;
  end(): Promise<void>;
}

function pgResult<Row>(result: { rows: unknown[]; rowCount: number | null } | { rows: unknown[]; rowCount: number | null }[]): QueryResult<Row> {
  // A script answers one result per statement: the last one counts, as in psql.
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  if (!last) return { rows: [], rowCount: 0 };
  return { rows: last.rows as Row[], rowCount: last.rowCount ?? last.rows.length };
}

/**
 * A {@link Database} over a node-postgres `Pool`. Each transaction borrows one client from the
 * pool for its `BEGIN` ... `COMMIT`, as a transaction must run on one connection.
 *
 * @example
 * ```ts
 * import { fromPg } from "vial/db";
 * declare const pool: import("vial/db").PgPoolLike; // new pg.Pool({ connectionString: process.env.DATABASE_URL })
 * const db = fromPg(pool);
 * await db.query("SELECT 1");
 * ```
 */
export function fromPg(pool: PgPoolLike): Database {
  const over = (client: PgQueryable, close: () => Promise<void>): Database => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      // No values: pg sends the text as a simple query, so a script of several statements runs.
      return pgResult<Row>(await client.query(sql, params.length ? [...params] : undefined));
    },
    transaction: (fn) => transactionOn(client, fn, over),
    close,
  });
  return {
    ...over(pool, () => pool.end()),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        return await transactionOn(client, fn, over);
      } finally {
        client.release();
      }
    },
  };
}

async function transactionOn<T>(
  client: PgQueryable,
  fn: (tx: Database) => Promise<T>,
  over: (client: PgQueryable, close: () => Promise<void>) => Database,
): Promise<T> {
  await client.query("BEGIN");
  try {
    const value = await fn(over(client, async () => {}));
    await client.query("COMMIT");
    return value;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** What `fromPGlite` needs of a `PGlite` instance. */
export interface PGliteLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  exec(sql: string): Promise<{ rows: unknown[]; affectedRows?: number }[]>;
  close(): Promise<void>;
}

/**
 * A {@link Database} over PGlite (PostgreSQL in WebAssembly, `@electric-sql/pglite`), with the
 * same behaviour as {@link fromPg}: a statement without parameters runs as a script.
 *
 * @example
 * ```ts
 * import { fromPGlite } from "vial/db";
 * declare const pglite: import("vial/db").PGliteLike; // await PGlite.create()
 * const db = fromPGlite(pglite);
 * await db.query("CREATE TABLE t (id int); INSERT INTO t VALUES (1)");
 * ```
 */
export function fromPGlite(pglite: PGliteLike): Database {
  const result = <Row>(answer: { rows: unknown[]; affectedRows?: number } | undefined): QueryResult<Row> =>
    answer ? { rows: answer.rows as Row[], rowCount: answer.affectedRows || answer.rows.length } : { rows: [], rowCount: 0 };
  const db: Database = {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      if (params.length) return result<Row>(await pglite.query(sql, [...params]));
      const all = await pglite.exec(sql);
      return result<Row>(all[all.length - 1]);
    },
    async transaction(fn) {
      await pglite.exec("BEGIN");
      try {
        const value = await fn({ ...db, transaction: (inner) => inner(db), close: async () => {} });
        await pglite.exec("COMMIT");
        return value;
      } catch (error) {
        await pglite.exec("ROLLBACK");
        throw error;
      }
    },
    close: () => pglite.close(),
  };
  return db;
}
