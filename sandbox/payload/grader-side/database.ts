import type { Database } from "../../../framework/src/db/database";
import type { GraderMessage, LearnerMessage } from "../realm/messages";
import { dataFromRemote, dataToRemote } from "../realm/sql-data";

/**
 * The lesson's database, held by the grader's realm (sandbox/README.md, "The database"): the
 * learner's code reaches it only with `sql` messages, the way an app reaches a server, and the
 * checks read it directly, so nothing learner code patches in its own realm changes what they read.
 */
export interface SandboxDatabase {
  /** PGlite in the sandbox, or a real server through `pg`; the same interface apps use. */
  db: Database;
  /** Ends any open transaction and drops every schema the app made, leaving an empty `public`. */
  wipe(): Promise<void>;
  close(): Promise<void>;
}

/** Drops every non-system schema (what the app created) and makes an empty `public` again. */
export const WIPE_SQL = `ROLLBACK;
DO $wipe$ DECLARE name text; BEGIN
  FOR name IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', name);
  END LOOP;
END $wipe$;
CREATE SCHEMA public;
RESET ALL;`;

/**
 * Wraps a {@link Database} as the sandbox's: `wipe()` runs {@link WIPE_SQL}.
 *
 * @example
 * const sandbox = sandboxDatabase(fromPGlite(await PGlite.create()));
 */
export function sandboxDatabase(db: Database): SandboxDatabase {
  return { db, wipe: async () => void (await db.query(WIPE_SQL)), close: () => db.close() };
}

/** A database error's message and SQLSTATE, as pg and PGlite both give them. */
function sqlError(error: unknown): { message: string; code?: string } {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return { message: typeof message === "string" ? message : String(error), ...(typeof code === "string" ? { code } : {}) };
}

/**
 * Runs one statement the learner's realm sent and makes the answer to send back. Never throws:
 * a refused statement, a bad parameter or a database that would not start is a `sql-error`.
 *
 * @example
 * link = new LearnerLink(port, { sql: (message) => answerSql(open, message) });
 */
export async function answerSql(open: () => Promise<SandboxDatabase>, message: Extract<LearnerMessage, { type: "sql" }>): Promise<GraderMessage> {
  try {
    const { db } = await open();
    const params = message.params.map(dataFromRemote);
    const result = await db.query(message.sql, params);
    return { type: "sql-result", sqlId: message.sqlId, rows: dataToRemote(result.rows), rowCount: result.rowCount };
  } catch (error) {
    return { type: "sql-error", sqlId: message.sqlId, error: sqlError(error) };
  }
}

/**
 * Opens the database once, on first use, and keeps it (a failed start is tried again next time).
 *
 * @example
 * const open = lazyDatabase(async () => sandboxDatabase(fromPGlite(await PGlite.create())));
 */
export function lazyDatabase(start: () => Promise<SandboxDatabase>): (() => Promise<SandboxDatabase>) & { started(): boolean } {
  let opening: Promise<SandboxDatabase> | undefined;
  const open = () => {
    opening ??= start();
    opening.catch(() => (opening = undefined));
    return opening;
  };
  return Object.assign(open, { started: () => opening !== undefined });
}
