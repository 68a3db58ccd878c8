/**
 * `vial/db`: a small interface to PostgreSQL that apps write against (`query` with `$1`
 * parameters, `transaction`, `close`), adapters for the clients that satisfy it (node-postgres,
 * PGlite), and `connect(url)` through drivers the app registers. Nothing here imports a
 * database client, so the core and its browser bundle stay as they are.
 */
export type { Database, QueryResult } from "./database.ts";
export { fromPg, fromPGlite, type PgPoolLike, type PgQueryable, type PGliteLike } from "./adapters.ts";
export { connect, useDriver } from "./connect.ts";
