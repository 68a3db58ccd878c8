/**
 * `database` in checks.ts: the lesson's database from the grader's realm. The database lives
 * here (sandbox/payload/grader-side/database.ts); the learner's app reaches it with messages,
 * the checks directly, so what a check reads back is what the app's statements left, not what
 * the app's realm says.
 */

/** What the grader needs of the sandbox's database. */
export interface GraderDatabase {
  db: { query(sql: string, params?: readonly unknown[]): Promise<{ rows: unknown[]; rowCount: number }> };
  wipe(): Promise<void>;
}

/** The `database` of the grader API. */
export interface DatabaseApi {
  /**
   * Registers what makes the database every check starts from. Before each check the database
   * is emptied (every schema dropped), then each setup runs in order: typically the learner's
   * `initDb()` (their init-db command: the schema), then the rows the check needs.
   */
  setup(fn: () => unknown): void;
  /** Runs one statement (`$1` parameters) or, without parameters, a script; resolves with the rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

const NO_DATABASE = "This sandbox has no database yet, so this lesson's checks cannot run here: grade it with `npm run learn` (the node engine).";

/**
 * The API and the hook the grader calls before each check.
 *
 * @example
 * const database = createDatabaseApi(open);
 * await database.beforeCheck();
 */
export function createDatabaseApi(open: (() => Promise<GraderDatabase>) | undefined): { api: DatabaseApi; beforeCheck(): Promise<void> } {
  const setups: (() => unknown)[] = [];
  const opened = () => (open ? open() : Promise.reject(new Error(NO_DATABASE)));
  const api: DatabaseApi = Object.freeze({
    setup(fn: () => unknown) {
      if (typeof fn !== "function") throw new TypeError("database.setup() needs a function");
      setups.push(fn);
    },
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const { db } = await opened();
      return (await db.query(sql, params)).rows as Row[];
    },
  });
  return {
    api,
    async beforeCheck() {
      if (!setups.length) return;
      const database = await opened();
      await database.wipe();
      for (const fn of setups) await fn();
    },
  };
}
