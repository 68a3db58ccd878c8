import type { Digest, SecretKey } from "./keys.ts";
import { URLSafeTimedSerializer } from "./serializer.ts";
import { taggedJsonCodec } from "./tagged-json.ts";

/**
 * Options of {@link sessionSerializer}.
 *
 * @example
 * ```ts
 * import { sessionSerializer, type SessionSerializerOptions } from "vial/signing";
 *
 * const options: SessionSerializerOptions = { digest: "SHA-256" };
 * const serializer = sessionSerializer("secret", options);
 * ```
 */
export interface SessionSerializerOptions {
  /** Default `"SHA-1"`, Flask's; `"SHA-256"` is stronger but Flask apps will not read it without the same setting. */
  digest?: Digest;
  /** The clock in seconds since the epoch, for tests. */
  now?: () => number;
}

/**
 * The serializer of Flask's `SecureCookieSessionInterface`: salt `"cookie-session"`, HMAC key
 * derivation, SHA-1, Flask's tagged JSON. With the same secret, Vial reads Flask's session
 * cookies and Flask reads Vial's.
 *
 * Pass the keys oldest → newest, i.e. `[...SECRET_KEY_FALLBACKS, SECRET_KEY]`: the last one
 * signs, every one verifies. The cookie is signed, not encrypted: anyone can read its contents.
 *
 * @example
 * ```ts
 * import { sessionSerializer } from "vial/signing";
 *
 * const serializer = sessionSerializer(["old-secret", "current-secret"]);
 * const cookie = await serializer.dumps({ user_id: 42 });
 * const loaded = await serializer.safeLoads(cookie, { maxAge: 31 * 24 * 3600 });
 * const session = loaded.ok ? loaded.value : {};
 * ```
 */
export function sessionSerializer(secretKeys: SecretKey | readonly SecretKey[], options: SessionSerializerOptions = {}): URLSafeTimedSerializer {
  return new URLSafeTimedSerializer(secretKeys, {
    salt: "cookie-session",
    keyDerivation: "hmac",
    digest: options.digest ?? "SHA-1",
    codec: taggedJsonCodec,
    ...(options.now ? { now: options.now } : {}),
  });
}
