/**
 * The session an app gets when it cannot sign cookies (no `SECRET_KEY`): Flask's `NullSession`.
 * Reading works and finds nothing, so pages that only check for a user still render; writing
 * throws, because a change that silently vanished would be a far worse bug to chase.
 */
import { Session } from "./session.ts";

const NO_SECRET_KEY =
  "The session is unavailable because no SECRET_KEY is set. Set app.config.SECRET_KEY " +
  "(or the VIAL_SECRET_KEY environment variable with app.config.fromEnv()) to a long random secret.";

/**
 * An empty, read-only session. Every change throws an `Error` that says to set `SECRET_KEY`.
 *
 * @example
 * ```ts
 * import { Vial, NullSession } from "vial";
 * const app = new Vial(); // no SECRET_KEY
 * app.get("/", (req) => (req.session instanceof NullSession ? "sessions are off" : "sessions are on"));
 * ```
 */
export class NullSession extends Session {
  /** Always throws: there is no key to sign the change with. */
  override set(_key: string, _value: unknown): this {
    throw new Error(NO_SECRET_KEY);
  }

  /** Always throws, even for a missing key (as Flask's `NullSession`). */
  override delete(_key: string): boolean {
    throw new Error(NO_SECRET_KEY);
  }

  /** Always throws. */
  override clear(): void {
    throw new Error(NO_SECRET_KEY);
  }

  /** Always throws. */
  override pop(_key: string, _fallback?: unknown): never {
    throw new Error(NO_SECRET_KEY);
  }

  override get modified(): boolean {
    return false;
  }

  override set modified(value: boolean) {
    if (value) throw new Error(NO_SECRET_KEY);
  }
}
