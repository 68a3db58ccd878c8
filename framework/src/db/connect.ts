import type { Database } from "./database.ts";

type Open = (url: string) => Database | Promise<Database>;

const drivers = new Map<string, Open>();
let fallback: string | undefined;

/**
 * Registers how to open databases whose URL starts with `scheme` (`"postgres:"`). The first
 * driver registered is also the one `connect()` uses without a URL. In the course's sandbox the
 * sandbox registers `"sandbox:"`, its own PostgreSQL; on a server, register `pg`.
 *
 * @example
 * ```ts
 * import { fromPg, useDriver, type PgPoolLike } from "vial/db";
 * declare function newPool(url: string): PgPoolLike; // (url) => new pg.Pool({ connectionString: url })
 * useDriver("postgres:", (url) => fromPg(newPool(url)));
 * ```
 */
export function useDriver(scheme: string, open: Open): void {
  if (!/^[a-z][a-z0-9+.-]*:$/.test(scheme)) throw new TypeError(`useDriver: a scheme looks like "postgres:", got ${JSON.stringify(scheme)}`);
  drivers.set(scheme, open);
  fallback ??= scheme;
}

/**
 * Opens a database by URL through the driver registered for its scheme, or the first driver
 * registered when no URL is given.
 *
 * @example
 * ```ts
 * import { connect } from "vial/db";
 * const db = await connect(); // in the course's sandbox: the lesson's database
 * const { rows } = await db.query("SELECT 1 AS one");
 * await db.close();
 * ```
 */
export async function connect(url?: string): Promise<Database> {
  const scheme = url === undefined ? fallback : /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
  const open = scheme === undefined ? undefined : drivers.get(scheme);
  if (!open) {
    const known = [...drivers.keys()].join(", ") || "none";
    throw new Error(
      url === undefined
        ? "connect(): no database driver is registered; register one with useDriver()"
        : `connect(): no database driver for ${JSON.stringify(scheme ?? url)} (registered: ${known}); register one with useDriver()`,
    );
  }
  return open(url ?? `${scheme}`);
}
