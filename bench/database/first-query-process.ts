/**
 * Run by bench/database.ts in a fresh node process: opens PGlite as the node engine's grader host
 * does (sandbox/payload/hosts/database-host.ts) and prints the milliseconds until `SELECT 1` has
 * answered. Argument: the options of openDatabase, as JSON.
 *
 *   node --import tsx bench/database/first-query-process.ts '{"pglite":"file:…","sqlParser":"file:…","dataDir":"…"}'
 */
import { openDatabase } from "../../sandbox/payload/hosts/database-host";

const started = performance.now();
const sandbox = await openDatabase(JSON.parse(process.argv[2] ?? "{}"));
await sandbox.db.query("SELECT 1");
console.log(performance.now() - started);
await sandbox.close();
