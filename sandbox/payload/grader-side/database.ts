import type { Database } from "../../../framework/src/db/database";
import type { GraderMessage, LearnerMessage } from "../realm/messages";
import { dataFromRemote, dataToRemote } from "../realm/sql-data";
import { HARDEN_SQL, learnerSqlRefusal, WIPE_STATEMENTS, type SqlRefusal } from "./database-boundary";
import type { SqlParser } from "./sql-parser";

/**
 * The lesson's database, held by the grader's realm (sandbox/README.md, "The database"): the
 * learner's code reaches it only with `sql` messages, the way an app reaches a server, and the
 * checks read it directly, so nothing learner code patches in its own realm changes what they read.
 */
export interface SandboxDatabase {
  /** PGlite in the sandbox, or a real server through `pg`; the same interface apps use. */
  db: Database;
  /** Why the app may not send this SQL (database-boundary.ts), or `undefined` when it may. */
  refusal(sql: string): SqlRefusal | undefined;
  /** Ends any open transaction, drops the session's state and every schema the app made, leaving an empty `public`. */
  wipe(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Makes a {@link Database} the sandbox's: hardens it once (the app's role and what PUBLIC may
 * not do, database-boundary.ts) and wipes it, so every statement from then on runs as the app's
 * role; `parse` is PostgreSQL's parser, for the app's SQL.
 *
 * @example
 * const sandbox = await sandboxDatabase(fromPGlite(await PGlite.create()), parse);
 */
export async function sandboxDatabase(db: Database, parse: SqlParser): Promise<SandboxDatabase> {
  const wipe = async () => {
    for (const statement of WIPE_STATEMENTS) await db.query(statement);
  };
  await db.query(HARDEN_SQL);
  await wipe();
  return { db, refusal: (sql) => learnerSqlRefusal(parse, sql), wipe, close: () => db.close() };
}

/** A database error's message and SQLSTATE, as pg and PGlite both give them. */
function sqlError(error: unknown): { message: string; code?: string } {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return { message: typeof message === "string" ? message : String(error), ...(typeof code === "string" ? { code } : {}) };
}

/**
 * Runs one statement the learner's realm sent and makes the answer to send back. Never throws:
 * a statement the app may not run (database-boundary.ts) or the database refused, a bad
 * parameter or a database that would not start is a `sql-error`.
 *
 * @example
 * link = new LearnerLink(port, { sql: (message) => answerSql(open, message) });
 */
export async function answerSql(open: () => Promise<SandboxDatabase>, message: Extract<LearnerMessage, { type: "sql" }>): Promise<GraderMessage> {
  try {
    const sandbox = await open();
    const refused = sandbox.refusal(message.sql);
    if (refused) return { type: "sql-error", sqlId: message.sqlId, error: refused };
    const { db } = sandbox;
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
 * const open = lazyDatabase(async () => sandboxDatabase(fromPGlite(await PGlite.create()), parse));
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
