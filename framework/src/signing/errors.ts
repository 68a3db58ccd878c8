/**
 * The error family of the signing module, in the shape of itsdangerous' `exc.py`. Callers that only
 * want "is this token trustworthy?" catch {@link BadData}; the subclasses say why it is not.
 */

/**
 * Base class of every error raised while reading signed data.
 *
 * @example
 * ```ts
 * import { BadData, URLSafeTimedSerializer } from "vial/signing";
 *
 * const serializer = new URLSafeTimedSerializer("secret", { salt: "email-confirm" });
 *
 * async function confirmedEmail(token: string): Promise<string | null> {
 *   try {
 *     return String(await serializer.loads(token, { maxAge: 86400 }));
 *   } catch (err) {
 *     if (err instanceof BadData) return null; // tampered, expired or garbled: all untrustworthy
 *     throw err;
 *   }
 * }
 * ```
 */
export class BadData extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The signature does not match (tampered data, wrong key or salt), or the value has no signature.
 * `payload` holds the unverified value when one could be split off: never trust it.
 *
 * @example
 * ```ts
 * await new Signer("key").unsign("value.bogus"); // throws BadSignature
 * ```
 */
export class BadSignature extends BadData {
  constructor(
    message: string,
    /** The part before the signature; unverified, so only useful for debugging. */
    readonly payload?: string,
  ) {
    super(message);
  }
}

/**
 * A timestamped value is missing its timestamp, has a malformed one, or its signature failed.
 *
 * @example
 * ```ts
 * await new TimestampSigner("key").unsign("no-timestamp"); // throws BadTimeSignature
 * ```
 */
export class BadTimeSignature extends BadSignature {
  constructor(
    message: string,
    payload?: string,
    /** When the value claims it was signed (seconds since the epoch), if the timestamp parsed. */
    readonly dateSigned?: number,
  ) {
    super(message, payload);
  }
}

/**
 * The signature is valid but older than `maxAge` (or from the future). Only thrown after the
 * signature checked out, so `payload` is authentic, just stale.
 *
 * @example
 * ```ts
 * import { SignatureExpired, TimestampSigner } from "vial/signing";
 *
 * const signer = new TimestampSigner("secret");
 * async function check(token: string): Promise<string> {
 *   try {
 *     return await signer.unsign(token, { maxAge: 60 });
 *   } catch (err) {
 *     // e.g. "Signature age 90 > 60 seconds"; err.payload is authentic, just too old
 *     if (err instanceof SignatureExpired) return `expired: ${err.payload ?? ""}`;
 *     throw err;
 *   }
 * }
 * ```
 */
export class SignatureExpired extends BadTimeSignature {}

/**
 * The signature was valid but the payload could not be decoded (base64, zlib, UTF-8 or JSON).
 * This only happens with data signed by someone holding the key, e.g. an incompatible serializer.
 *
 * @example
 * ```ts
 * import { BadPayload, URLSafeTimedSerializer } from "vial/signing";
 *
 * const serializer = new URLSafeTimedSerializer("secret");
 * const result = await serializer.safeLoads("eyJ1c2VyIjo0Mn0.ZVPxAA.signature");
 * if (!result.ok && result.error instanceof BadPayload) {
 *   console.error("signed with our key, but undecodable", result.error.originalError);
 * }
 * ```
 */
export class BadPayload extends BadData {
  constructor(
    message: string,
    /** The error raised by the decoder, when there was one. */
    readonly originalError?: unknown,
  ) {
    super(message);
  }
}
