/**
 * How an app loads and stores sessions: Flask's `SessionInterface`. The app calls
 * `openSession` before the before-request hooks and `saveSession` after the after-request hooks;
 * everything about the cookie (name, flags, lifetime) is read from the config here, so a
 * subclass that keeps sessions elsewhere (a database, Redis) reuses the same settings.
 */
import type { Config } from "../config.ts";
import type { SameSite } from "../cookies/index.ts";
import type { VialRequest } from "../request.ts";
import { NullSession } from "./null-session.ts";
import type { Session } from "./session.ts";

/**
 * What a session interface reads from the app it serves: the config. The app passes itself
 * (a `Vial`), so an interface written with `app: Vial` parameters fits too.
 *
 * @example
 * ```ts
 * import type { SessionApp } from "vial";
 * const lifetimeOf = (app: SessionApp): number => app.config.PERMANENT_SESSION_LIFETIME;
 * ```
 */
export interface SessionApp {
  readonly config: Config;
}

/**
 * The cookie attributes of the session cookie, from the `SESSION_COOKIE_*` settings.
 *
 * @example
 * ```ts
 * import { Vial, SecureCookieSessionInterface, type SessionCookieFlags } from "vial";
 * const app = new Vial({ config: { SESSION_COOKIE_SECURE: true, SESSION_COOKIE_SAMESITE: "Lax" } });
 * const flags: SessionCookieFlags = new SecureCookieSessionInterface().getCookieFlags(app);
 * // { path: "/", domain: undefined, secure: true, httpOnly: true, sameSite: "Lax", partitioned: false }
 * ```
 */
export interface SessionCookieFlags {
  path: string;
  domain: string | undefined;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite | undefined;
  partitioned: boolean;
}

/**
 * The base of session stores. Subclasses implement `openSession` and `saveSession`; the helpers
 * read the session settings from `app.config` the way Flask's do.
 *
 * @example
 * ```ts
 * import { Vial, Session, SessionInterface, type VialRequest } from "vial";
 * // Sessions kept in memory, keyed by a random id in the cookie (a sketch, not for production).
 * class MemorySessions extends SessionInterface {
 *   store = new Map<string, Record<string, unknown>>();
 *   openSession(app: Vial, req: VialRequest) {
 *     const id = req.cookies[this.getCookieName(app)];
 *     return new Session((id && this.store.get(id)) || {});
 *   }
 *   saveSession(_app: Vial, _session: Session, response: Response) {
 *     return response; // a real store would write the session and set the id cookie here
 *   }
 * }
 * const app = new Vial({ config: { SECRET_KEY: "dev" } });
 * app.sessionInterface = new MemorySessions();
 * ```
 */
export abstract class SessionInterface {
  /**
   * Loads the session for a request. Must not throw for bad client input: a missing or invalid
   * cookie gives an empty session. `undefined` means "no sessions", and the app uses
   * {@link SessionInterface.makeNullSession}.
   */
  abstract openSession(app: SessionApp, req: VialRequest): Promise<Session | undefined> | Session | undefined;

  /** Writes the session into the response (or deletes its cookie); returns the response to send. */
  abstract saveSession(app: SessionApp, session: Session, response: Response): Promise<Response> | Response;

  /** The session used when sessions are unavailable (no `SECRET_KEY`). */
  makeNullSession(_app: SessionApp): Session {
    return new NullSession();
  }

  /** Whether `session` is the null session, which is never saved. */
  isNullSession(session: Session): boolean {
    return session instanceof NullSession;
  }

  /** `SESSION_COOKIE_NAME` (default `"session"`). */
  getCookieName(app: SessionApp): string {
    return app.config.SESSION_COOKIE_NAME;
  }

  /** `SESSION_COOKIE_DOMAIN`; unset means the cookie belongs to the exact host. */
  getCookieDomain(app: SessionApp): string | undefined {
    return app.config.SESSION_COOKIE_DOMAIN || undefined;
  }

  /** `SESSION_COOKIE_PATH`, else `APPLICATION_ROOT`, else `"/"`. */
  getCookiePath(app: SessionApp): string {
    return app.config.SESSION_COOKIE_PATH || app.config.APPLICATION_ROOT || "/";
  }

  /** Every `SESSION_COOKIE_*` flag, for setting and for deleting the cookie alike. */
  getCookieFlags(app: SessionApp): SessionCookieFlags {
    return {
      path: this.getCookiePath(app),
      domain: this.getCookieDomain(app),
      secure: app.config.SESSION_COOKIE_SECURE === true,
      httpOnly: app.config.SESSION_COOKIE_HTTPONLY !== false,
      sameSite: app.config.SESSION_COOKIE_SAMESITE || undefined,
      partitioned: app.config.SESSION_COOKIE_PARTITIONED === true,
    };
  }

  /**
   * When a permanent session expires: now + `PERMANENT_SESSION_LIFETIME`. A non-permanent session
   * gives `undefined` and lasts until the browser closes.
   */
  getExpirationTime(app: SessionApp, session: Session): Date | undefined {
    if (!session.permanent) return undefined;
    return new Date(Date.now() + app.config.PERMANENT_SESSION_LIFETIME * 1000);
  }

  /**
   * Whether to send the cookie: when the session changed, or when it is permanent and
   * `SESSION_REFRESH_EACH_REQUEST` keeps pushing its expiry forward.
   */
  shouldSetCookie(app: SessionApp, session: Session): boolean {
    return session.modified || (session.permanent && app.config.SESSION_REFRESH_EACH_REQUEST);
  }
}
