/**
 * The session object handed to handlers as `req.session`: Flask's `SecureCookieSession`. It is
 * a small key/value store that remembers whether it was read (`accessed`) and changed
 * (`modified`), because saving depends on both: a changed session is written back, and a
 * response that depended on the session in any way must carry `Vary: Cookie`, or a shared cache
 * could hand one user's page (or cookie) to another (CVE-2023-30861, CVE-2026-27205).
 */

/** The key Flask stores the permanent flag under, so Flask and Vial agree on it. */
const PERMANENT_KEY = "_permanent";

/**
 * A session: `get`, `set`, `delete`, `clear`, `has`, plus `permanent`. Every read, including
 * `has`, `size` and iteration, counts as access; every change counts as modification.
 *
 * Values are stored as given, so changing an object you got from the session does not mark it
 * modified: set it again, or set `session.modified = true`, as in Flask.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * const app = new Vial({ config: { SECRET_KEY: "change me" } });
 * app.post("/login", (req) => {
 *   req.session.set("user_id", 42);
 *   req.session.permanent = true;           // keep it for PERMANENT_SESSION_LIFETIME
 *   return "welcome";
 * });
 * app.get("/me", (req) => ({ user: req.session.get<number>("user_id") ?? null }));
 * ```
 */
export class Session {
  readonly #data: Map<string, unknown>;
  #accessed = false;
  #modified = false;

  /** A session holding `initial`'s own keys (neither accessed nor modified). */
  constructor(initial: Record<string, unknown> = {}) {
    this.#data = new Map(Object.entries(initial));
  }

  /** Whether anything read or changed the session during this request. */
  get accessed(): boolean {
    return this.#accessed;
  }

  /**
   * Whether the session changed during this request. Set it to `true` after changing an object
   * stored in the session in place, so the change is saved.
   */
  get modified(): boolean {
    return this.#modified;
  }

  set modified(value: boolean) {
    if (value) this.#touch(true);
    else this.#modified = false;
  }

  /**
   * Whether the cookie outlives the browser session (for `PERMANENT_SESSION_LIFETIME`); stored in
   * the session as `_permanent`, like Flask, so both read the same flag.
   */
  get permanent(): boolean {
    return this.get(PERMANENT_KEY) === true;
  }

  set permanent(value: boolean) {
    this.set(PERMANENT_KEY, Boolean(value));
  }

  /** The value stored under `key`, or `fallback` (default `undefined`). */
  get<T = unknown>(key: string): T | undefined;
  get<T>(key: string, fallback: T): T;
  get(key: string, fallback?: unknown): unknown {
    this.#touch(false);
    return this.#data.has(key) ? this.#data.get(key) : fallback;
  }

  /** Whether `key` is set. Counts as access, like Flask's `in` (CVE-2026-27205). */
  has(key: string): boolean {
    this.#touch(false);
    return this.#data.has(key);
  }

  /** Stores a value; it must be JSON-able (Date and Uint8Array are kept too). */
  set(key: string, value: unknown): this {
    this.#touch(true);
    this.#data.set(key, value);
    return this;
  }

  /** Removes `key`; returns whether it was there. */
  delete(key: string): boolean {
    this.#touch(false);
    const existed = this.#data.delete(key);
    if (existed) this.#modified = true;
    return existed;
  }

  /** Removes `key` and returns its value (or `fallback` when it was not there). */
  pop<T = unknown>(key: string): T | undefined;
  pop<T>(key: string, fallback: T): T;
  pop(key: string, fallback?: unknown): unknown {
    const value = this.get(key, fallback);
    this.delete(key);
    return value;
  }

  /** Removes every key; the cookie is deleted when the response is sent. */
  clear(): void {
    this.#touch(true);
    this.#data.clear();
  }

  /** How many keys are set. Counts as access, like Flask's `len()` (CVE-2026-27205). */
  get size(): number {
    this.#touch(false);
    return this.#data.size;
  }

  /** The keys that are set. */
  keys(): string[] {
    this.#touch(false);
    return [...this.#data.keys()];
  }

  /** `[key, value]` pairs. */
  entries(): [string, unknown][] {
    this.#touch(false);
    return [...this.#data.entries()];
  }

  /** A plain copy of the data (what the cookie stores). Counts as access. */
  toJSON(): Record<string, unknown> {
    this.#touch(false);
    return Object.fromEntries(this.#data);
  }

  #touch(modifies: boolean): void {
    this.#accessed = true;
    if (modifies) this.#modified = true;
  }
}
