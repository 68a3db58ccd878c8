/**
 * What the learner's SQL may do to the lesson's database (sandbox/README.md, "The database").
 *
 * Every statement after a wipe (the app's, and the checks' own reads) runs as {@link APP_ROLE}:
 * not a superuser, owner of the `public` schema and nothing else, with no temporary tables, no
 * procedural languages, no `set_config` and no large objects. The database refuses the rest by
 * its own permissions: COPY to or from programs and files, superuser-only functions, other
 * schemas. What permissions cannot refuse is a change of role: PGlite is PostgreSQL in
 * single-user mode, whose session user is always the bootstrap superuser, so `RESET ROLE` or
 * `SET SESSION AUTHORIZATION postgres` would make anyone superuser again. So the app's SQL is
 * also read with PostgreSQL's own parser first, and a script runs only if every statement in it
 * is of a kind an app needs ({@link learnerSqlRefusal}); no statement kind on that list changes
 * the session's role or settings.
 */
import type { SqlParser } from "./sql-parser";
import { SqlSyntaxError } from "./sql-parser";

/** The role the app's statements (and the checks' reads) run as. */
export const APP_ROLE = "vial_app";

/**
 * How long one statement may run: less than a check's default time limit (5 s), so the app gets
 * its error (and can report it) before the check runs out of time. PGlite ignores it (the engine
 * stops PGlite from outside, restartable-pglite.ts); a server obeys it.
 */
export const STATEMENT_TIMEOUT_MS = 3_000;

/**
 * Run once as the superuser (the session user) when the database opens (idempotent: a real server keeps roles):
 * the app's role, and what PUBLIC may no longer do (temporary objects, new schemas, functions in
 * any language, changing settings from SQL, creating large objects).
 */
export const HARDEN_SQL = `SET ROLE NONE;
DO $harden$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${APP_ROLE}') THEN
    BEGIN
      CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object THEN NULL; -- another sandbox on the same server made it meanwhile
    END;
  END IF;
  EXECUTE pg_catalog.format('REVOKE TEMPORARY, CREATE ON DATABASE %I FROM PUBLIC', pg_catalog.current_database());
END $harden$;
REVOKE USAGE ON LANGUAGE sql, plpgsql FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer), pg_catalog.lo_from_bytea(oid, bytea) FROM PUBLIC;`;

/**
 * The wipe before each check, as three statements (DISCARD ALL cannot run inside a script's
 * transaction): end the app's transaction; drop the session's state (temporary objects, prepared
 * statements, cursors, LISTEN, advisory locks, settings, role); then, as the superuser, drop
 * every schema the app made and its large objects, make an empty `public` owned by the app's
 * role, fix the settings the checks read with, and become the app's role again.
 */
export const WIPE_STATEMENTS = [
  "ROLLBACK",
  "DISCARD ALL",
  // ROLE NONE: the session user, the superuser (RESET ROLE would give a pg connection's start-up role).
  `SET ROLE NONE;
DO $wipe$ DECLARE name text; BEGIN
  FOR name IN SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE pg_catalog.format('DROP SCHEMA %I CASCADE', name);
  END LOOP;
END $wipe$;
SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata;
CREATE SCHEMA public AUTHORIZATION ${APP_ROLE};
SET search_path = public;
SET statement_timeout = ${STATEMENT_TIMEOUT_MS};
SET ROLE ${APP_ROLE};`,
] as const;

/** Statement kinds an app runs: queries, data changes, its own tables, indexes, sequences and types, transactions. */
const APP_STATEMENTS = new Set([
  "SelectStmt",
  "InsertStmt",
  "UpdateStmt",
  "DeleteStmt",
  "MergeStmt",
  "CreateStmt",
  "CreateTableAsStmt",
  "IndexStmt",
  "AlterTableStmt",
  "RenameStmt",
  "DropStmt",
  "TruncateStmt",
  "CreateSeqStmt",
  "AlterSeqStmt",
  "CreateEnumStmt",
  "AlterEnumStmt",
  "CompositeTypeStmt",
  "CreateDomainStmt",
  "LockStmt",
  "VariableShowStmt",
  "TransactionStmt",
  "VariableSetStmt",
  "ExplainStmt",
]);

/** Two-phase commit leaves a transaction behind the session; the rest of TransactionStmt is BEGIN … COMMIT / ROLLBACK / SAVEPOINT. */
const PREPARED_TRANSACTIONS = new Set(["TRANS_STMT_PREPARE", "TRANS_STMT_COMMIT_PREPARED", "TRANS_STMT_ROLLBACK_PREPARED"]);

function allowed(kind: string, node: Record<string, unknown>): boolean {
  if (!APP_STATEMENTS.has(kind)) return false;
  if (kind === "TransactionStmt") return !PREPARED_TRANSACTIONS.has(String(node.kind));
  // SET TRANSACTION ISOLATION LEVEL … only: any other SET or RESET changes the session (its role included).
  if (kind === "VariableSetStmt") return node.kind === "VAR_SET_MULTI" && node.name === "TRANSACTION";
  if (kind === "ExplainStmt") {
    const [[innerKind, inner] = ["", {}]] = Object.entries((node.query ?? {}) as Record<string, Record<string, unknown>>);
    return innerKind !== "ExplainStmt" && allowed(innerKind, inner);
  }
  return true;
}

/** A refusal, shaped as the database's own errors are. */
export interface SqlRefusal {
  message: string;
  code: string;
}

/**
 * Why the app's `sql` may not run, or `undefined` when every statement in it may. SQL the parser
 * cannot read is refused with PostgreSQL's syntax error; a statement of another kind with
 * `insufficient_privilege` (42501), quoting it.
 *
 * @example
 * learnerSqlRefusal(parse, "SELECT 1; RESET ROLE")?.message // 'permission denied: the app may not run "RESET ROLE" …'
 */
export function learnerSqlRefusal(parse: SqlParser, sql: string): SqlRefusal | undefined {
  let statements;
  try {
    statements = parse(sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError) return { message: error.message, code: error.code };
    return { message: `The sandbox could not read this SQL: ${error instanceof Error ? error.message : String(error)}`, code: "42601" };
  }
  const refused = statements.find((statement) => !allowed(statement.kind, statement.node));
  if (!refused) return undefined;
  const quoted = refused.text.replace(/\s+/g, " ").trim();
  return {
    message: `permission denied: the app may not run "${quoted.length > 60 ? `${quoted.slice(0, 57)}...` : quoted}" here. The course's database runs queries, data changes, tables, indexes, sequences, types and transactions (BEGIN, COMMIT, ROLLBACK, SAVEPOINT), and no statement that changes the session's role or settings, runs code or reaches files.`,
    code: "42501",
  };
}
