import type { Database, QueryResult } from "../../../framework/src/db/database";
import type { GraderMessage, LearnerMessage } from "../realm/messages";
import { dataFromRemote, dataToRemote } from "../realm/sql-data";

/** The error a refused statement rejects with: PostgreSQL's message and SQLSTATE, as pg's `DatabaseError`. */
class DatabaseError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code: string | undefined) {
    super(message);
    this.name = "DatabaseError";
    this.code = code;
  }
}

/**
 * The learner realm's side of the lesson's database: `connect()` through `vial/db` (the
 * "sandbox:" driver) gives a {@link Database} whose statements go to the grader's realm as
 * `sql` messages. Each connection is closed on its own; a closed one refuses statements, as a
 * closed `pg` client does.
 *
 * @example
 * const remote = createRemoteDatabase(send);
 * useDriver("sandbox:", () => remote.connect());
 * // on each grader message: if (remote.receive(message)) return;
 */
export function createRemoteDatabase(send: (message: LearnerMessage) => void) {
  let nextId = 1;
  const pending = new Map<number, { resolve(result: QueryResult<never>): void; reject(error: Error): void }>();

  function run<Row>(sql: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
    if (typeof sql !== "string") return Promise.reject(new TypeError(`query() needs the SQL as text, got ${typeof sql}`));
    if (!Array.isArray(params)) return Promise.reject(new TypeError("query()'s parameters must be an array: query(sql, [value1, value2])"));
    const sqlId = nextId++;
    return new Promise<QueryResult<Row>>((resolve, reject) => {
      pending.set(sqlId, { resolve: resolve as (result: QueryResult<never>) => void, reject });
      try {
        send({ type: "sql", sqlId, sql, params: params.map((param) => dataToRemote(param)) });
      } catch (error) {
        pending.delete(sqlId);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  function connect(): Database {
    let closed = false;
    const guard = () => {
      if (closed) throw new Error("This database connection is closed: open one per request (and close it in teardown), not once for the app.");
    };
    const db: Database = {
      async query<Row>(sql: string, params: readonly unknown[] = []) {
        guard();
        return run<Row>(sql, params);
      },
      async transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
        guard();
        await run("BEGIN", []);
        try {
          const value = await fn({ query: db.query, transaction: (inner) => inner(db), close: async () => {} } as Database);
          await run("COMMIT", []);
          return value;
        } catch (error) {
          await run("ROLLBACK", []);
          throw error;
        }
      },
      async close() {
        closed = true;
      },
    };
    return db;
  }

  /** Takes a grader message if it answers a statement; true when it did. */
  function receive(message: GraderMessage): boolean {
    if (message.type !== "sql-result" && message.type !== "sql-error") return false;
    const waiting = pending.get(message.sqlId);
    if (!waiting) return true;
    pending.delete(message.sqlId);
    if (message.type === "sql-error") waiting.reject(new DatabaseError(message.error.message, message.error.code));
    else waiting.resolve({ rows: dataFromRemote(message.rows) as never[], rowCount: message.rowCount });
    return true;
  }

  return { connect, receive };
}
