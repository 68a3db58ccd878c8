/**
 * Server-side sessions in Redis. The cookie holds only a random session id, signed with the app's
 * `SECRET_KEY` (and verified with `SECRET_KEY_FALLBACKS`, so keys rotate as for cookie sessions);
 * the data is Flask's tagged JSON under `prefix + id`, expiring after
 * `PERMANENT_SESSION_LIFETIME`. Every instance of the app reads the same sessions, users cannot
 * read what is stored, a session can be ended on the server (`DEL`), and a session of any size
 * fits in its cookie.
 */
import type { Vial } from "../app.ts";
import { deleteCookieHeader, serializeCookie } from "../cookies/index.ts";
import { withHeaderChanges } from "../middleware/secure-headers/mutable-response.ts";
import type { VialRequest } from "../request.ts";
import { Session } from "../sessions/session.ts";
import { SessionInterface } from "../sessions/session-interface.ts";
import { addVary } from "../sessions/vary.ts";
import { base64UrlEncode, Signer, taggedJsonCodec } from "../signing/index.ts";
import type { RedisCommands } from "./client.ts";

/**
 * A session loaded from Redis: a `Session` that knows its id.
 *
 * @example
 * ```ts
 * import { Vial } from "vial";
 * import { RedisSession } from "vial/redis";
 * const app = new Vial();
 * app.post("/login", (req) => {
 *   // A new id at login, so an id planted before it (session fixation) is worth nothing.
 *   if (req.session instanceof RedisSession) req.session.regenerate();
 *   req.session.set("user_id", 42);
 *   return "welcome";
 * });
 * ```
 */
export class RedisSession extends Session {
  /** The id under which the session was loaded; `undefined` for a new one. */
  readonly loadedId: string | undefined;
  #regenerated = false;

  constructor(initial: Record<string, unknown> = {}, id?: string) {
    super(initial);
    this.loadedId = id;
  }

  /** Saves the session under a new id and deletes the old one (call it when a user logs in). */
  regenerate(): void {
    this.#regenerated = true;
    this.modified = true;
  }

  /** Whether `regenerate` was called during this request. */
  get regenerated(): boolean {
    return this.#regenerated;
  }
}

/**
 * Options of {@link RedisSessionInterface}.
 *
 * @example
 * ```ts
 * import type { RedisSessionOptions } from "vial/redis";
 * const options: RedisSessionOptions = { prefix: "shop:session:" };
 * ```
 */
export interface RedisSessionOptions {
  /** Put before every session id in Redis (default `"vial:session:"`). */
  prefix?: string;
}

/**
 * Keeps sessions in Redis; set it as the app's `sessionInterface`. Same settings as the cookie
 * sessions: `SECRET_KEY` (required), `SECRET_KEY_FALLBACKS`, `SESSION_COOKIE_*`,
 * `PERMANENT_SESSION_LIFETIME` (also how long Redis keeps an unused session), and
 * `SESSION_REFRESH_EACH_REQUEST`.
 *
 * @example
 * ```ts
 * import { Redis } from "ioredis";
 * import { Vial } from "vial";
 * import { RedisSessionInterface } from "vial/redis";
 *
 * const app = new Vial({ config: { SECRET_KEY: process.env.SECRET_KEY, SESSION_COOKIE_SECURE: true } });
 * app.sessionInterface = new RedisSessionInterface(new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379"));
 * ```
 */
export class RedisSessionInterface extends SessionInterface {
  readonly #redis: RedisCommands;
  readonly #prefix: string;
  #signer: { keys: string[]; signer: Signer } | undefined;

  constructor(redis: RedisCommands, options: RedisSessionOptions = {}) {
    super();
    this.#redis = redis;
    this.#prefix = options.prefix ?? "vial:session:";
  }

  async openSession(app: Vial, req: VialRequest): Promise<Session | undefined> {
    const signer = this.#signerFor(app);
    if (!signer) return undefined;
    const cookie = req.cookies[this.getCookieName(app)];
    if (!cookie) return new RedisSession();
    // A cookie is client input: a bad signature or an unknown id is simply no session.
    const id = await signer.unsign(cookie).catch(() => undefined);
    if (id === undefined) return new RedisSession();
    const stored = await this.#redis.call("GET", this.#prefix + id);
    if (typeof stored !== "string") return new RedisSession();
    const data = safeParse(stored);
    return data ? new RedisSession(data, id) : new RedisSession();
  }

  async saveSession(app: Vial, session: Session, response: Response): Promise<Response> {
    const vary = session.accessed;
    const loadedId = session instanceof RedisSession ? session.loadedId : undefined;
    const regenerate = session instanceof RedisSession && session.regenerated;
    if (session.size === 0) {
      if (!session.modified) return vary ? withSessionHeaders(response, undefined) : response;
      if (loadedId !== undefined) await this.#redis.call("DEL", this.#prefix + loadedId);
      return withSessionHeaders(response, deleteCookieHeader(this.getCookieName(app), this.getCookieFlags(app)));
    }
    if (!this.shouldSetCookie(app, session)) return vary ? withSessionHeaders(response, undefined) : response;
    const signer = this.#signerFor(app);
    if (!signer) throw new Error("The session cannot be saved because no SECRET_KEY is set.");
    const lifetimeSeconds = app.config.PERMANENT_SESSION_LIFETIME;
    const id = loadedId === undefined || regenerate ? newSessionId() : loadedId;
    if (session.modified || id !== loadedId) {
      await this.#redis.call("SET", this.#prefix + id, taggedJsonCodec.dumps(session.toJSON()), "PX", lifetimeSeconds * 1000);
    } else {
      // Unchanged, refreshed (SESSION_REFRESH_EACH_REQUEST): only its lifetime moves forward.
      await this.#redis.call("PEXPIRE", this.#prefix + id, lifetimeSeconds * 1000);
    }
    if (regenerate && loadedId !== undefined) await this.#redis.call("DEL", this.#prefix + loadedId);
    const expires = this.getExpirationTime(app, session);
    const flags = this.getCookieFlags(app);
    const options = expires ? Object.assign(flags, { expires, maxAge: lifetimeSeconds }) : flags;
    return withSessionHeaders(response, serializeCookie(this.getCookieName(app), await signer.sign(id), options));
  }

  /** A signer over `[...SECRET_KEY_FALLBACKS, SECRET_KEY]` (the last one signs), remade when the keys change. */
  #signerFor(app: Vial): Signer | undefined {
    const secret = app.config.SECRET_KEY;
    if (typeof secret !== "string" || secret === "") return undefined;
    const fallbacks = (app.config.SECRET_KEY_FALLBACKS as unknown[] | undefined) ?? [];
    const keys = [...fallbacks.filter((key): key is string => typeof key === "string" && key !== ""), secret];
    const cached = this.#signer;
    if (cached && cached.keys.length === keys.length && cached.keys.every((key, i) => key === keys[i])) return cached.signer;
    this.#signer = { keys, signer: new Signer(keys, { salt: "vial.redis-session" }) };
    return this.#signer.signer;
  }
}

/** 32 random bytes, base64url: not guessable, and safe in a cookie and a Redis key. */
function newSessionId(): string {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
}

function safeParse(text: string): Record<string, unknown> | undefined {
  try {
    const value = taggedJsonCodec.loads(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `Vary: Cookie` (whatever read the session depends on it) and the `Set-Cookie`, if any. */
function withSessionHeaders(response: Response, setCookie: string | undefined): Response {
  return withHeaderChanges(response, (headers) => {
    addVary(headers, "Cookie");
    if (setCookie !== undefined) headers.append("set-cookie", setCookie);
  });
}
