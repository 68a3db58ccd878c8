import { BadData, BadPayload, BadSignature } from "./errors.ts";
import type { SecretKey } from "./keys.ts";
import { after, settle, type Eventually } from "./eventually.ts";
import { decodePayloadNow, encodePayloadNow } from "./payload.ts";
import { dumpsPythonJson } from "./python-json.ts";
import { TimestampSigner } from "./timestamp-signer.ts";
import type { TimestampSignerOptions, UnsignOptions } from "./timestamp-signer.ts";

/** Turns values into text and back; the serializer signs and encodes the text. */
export interface JsonCodec {
  dumps(value: unknown): string;
  loads(text: string): unknown;
}

/** Python-compatible JSON: compact, sorted keys, ASCII only (itsdangerous + Flask's provider). */
const pythonJsonCodec: JsonCodec = { dumps: dumpsPythonJson, loads: (text): unknown => JSON.parse(text) };

/**
 * Options of {@link URLSafeTimedSerializer}.
 *
 * @example
 * ```ts
 * import { URLSafeTimedSerializer, type URLSafeTimedSerializerOptions } from "vial/signing";
 *
 * const options: URLSafeTimedSerializerOptions = { salt: "password-reset", digest: "SHA-256" };
 * const serializer = new URLSafeTimedSerializer("secret", options);
 * ```
 */
export interface URLSafeTimedSerializerOptions extends Omit<TimestampSignerOptions, "sep"> {
  /** Default `"itsdangerous"`, the salt of itsdangerous' serializers. */
  salt?: string;
  /** How values become text. Default {@link pythonJsonCodec}. */
  codec?: JsonCodec;
}

/** The outcome of {@link URLSafeTimedSerializer.safeLoads}: never throws for bad input. */
type LoadResult = { ok: true; value: unknown; timestamp: number } | { ok: false; error: BadData };

/**
 * Signs JSON-able values into URL-safe, timestamped tokens: itsdangerous'
 * `URLSafeTimedSerializer` (`payload.timestamp.signature`, payload zlib-compressed with a
 * leading `"."` when that is shorter).
 *
 * @example
 * ```ts
 * const serializer = new URLSafeTimedSerializer(process.env.SECRET!, { salt: "password-reset" });
 * const token = await serializer.dumps({ user: 42 });
 * await serializer.loads(token, { maxAge: 3600 }); // { user: 42 }
 * ```
 */
export class URLSafeTimedSerializer {
  readonly signer: TimestampSigner;
  readonly codec: JsonCodec;

  constructor(secretKeys: SecretKey | readonly SecretKey[], options: URLSafeTimedSerializerOptions = {}) {
    const { codec = pythonJsonCodec, salt = "itsdangerous", ...signerOptions } = options;
    this.signer = new TimestampSigner(secretKeys, { ...signerOptions, salt });
    this.codec = codec;
  }

  /**
   * Serializes, encodes and signs `value` with the newest secret key.
   *
   * @example
   * ```ts
   * await serializer.dumps({ a: 1 }); // "eyJhIjoxfQ.<timestamp>.<signature>"
   * ```
   */
  async dumps(value: unknown): Promise<string> {
    return this.dumpsNow(value);
  }

  /**
   * {@link URLSafeTimedSerializer.dumps} without a promise when it can: with synchronous signing
   * primitives (vial/node) and the key derived, the token comes back at once.
   *
   * @example
   * ```ts
   * const token = await serializer.dumpsNow({ id: 5 }); // await works either way
   * ```
   */
  dumpsNow(value: unknown): Eventually<string> {
    return after(encodePayloadNow(this.codec.dumps(value)), (payload) => this.signer.signNow(payload));
  }

  /**
   * Verifies and decodes a token. Throws only errors of the {@link BadData} family:
   * `BadSignature`/`BadTimeSignature`/`SignatureExpired` for untrusted or stale tokens,
   * `BadPayload` for a correctly signed payload that does not decode.
   *
   * @example
   * ```ts
   * await serializer.loads(token, { maxAge: 60 });
   * ```
   */
  async loads(token: string, options: UnsignOptions = {}): Promise<unknown> {
    return (await this.loadsWithTimestamp(token, options)).value;
  }

  /**
   * Like {@link URLSafeTimedSerializer.loads}, also returning when the token was signed (seconds).
   *
   * @example
   * ```ts
   * const { value, timestamp } = await serializer.loadsWithTimestamp(token);
   * ```
   */
  async loadsWithTimestamp(token: string, options: UnsignOptions = {}): Promise<{ value: unknown; timestamp: number }> {
    return this.#loadsWithTimestampNow(token, options);
  }

  #loadsWithTimestampNow(token: string, options: UnsignOptions): Eventually<{ value: unknown; timestamp: number }> {
    if (typeof token !== "string") throw new BadSignature("A signed token must be a string");
    return after(this.signer.unsignWithTimestampNow(token, options), ({ value: payload, timestamp }) =>
      after(decodePayloadNow(payload), (json) => {
        try {
          return { value: this.codec.loads(json), timestamp };
        } catch (error) {
          throw new BadPayload("Could not load the payload because of an exception", error);
        }
      }),
    );
  }

  /**
   * Like {@link URLSafeTimedSerializer.loadsWithTimestamp} but reports failure as a value: what a
   * session loader wants, since a bad cookie must give an empty session, never an error.
   *
   * @example
   * ```ts
   * const result = await serializer.safeLoads(cookie, { maxAge: 31 * 86400 });
   * const data = result.ok ? result.value : {};
   * ```
   */
  async safeLoads(token: string, options: UnsignOptions = {}): Promise<LoadResult> {
    return this.safeLoadsNow(token, options);
  }

  /**
   * {@link URLSafeTimedSerializer.safeLoads} without a promise when it can (see
   * {@link URLSafeTimedSerializer.dumpsNow}). Sessions read their cookie with it on every request.
   *
   * @example
   * ```ts
   * const result = await serializer.safeLoadsNow(token, { maxAge: 3600 }); // await works either way
   * ```
   */
  safeLoadsNow(token: string, options: UnsignOptions = {}): Eventually<LoadResult> {
    return settle(
      () => this.#loadsWithTimestampNow(token, options),
      (loaded, error): LoadResult => {
        if (error === undefined) return { ok: true, value: loaded!.value, timestamp: loaded!.timestamp };
        if (error instanceof BadData) return { ok: false, error };
        // Not a bad token but a failure (a missing key, a broken codec): rethrown as it came.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw error;
      },
    );
  }
}
