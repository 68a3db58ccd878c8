import { base64UrlDecode, base64UrlEncode, bytesToInt, intToBytes } from "./base64.ts";
import { BadSignature, BadTimeSignature, SignatureExpired } from "./errors.ts";
import { settle, type Eventually } from "./eventually.ts";
import type { SecretKey } from "./keys.ts";
import { Signer } from "./signer.ts";
import type { SignerOptions } from "./signer.ts";

/**
 * Options of {@link TimestampSigner}.
 *
 * @example
 * ```ts
 * import { TimestampSigner, type TimestampSignerOptions } from "vial/signing";
 *
 * // A fixed clock makes tokens reproducible in tests.
 * const options: TimestampSignerOptions = { salt: "login-link", now: () => 1_700_000_000 };
 * const signer = new TimestampSigner("secret", options);
 * ```
 */
export interface TimestampSignerOptions extends SignerOptions {
  /** The clock, in seconds since the epoch (fractions are floored). Tests inject a fixed one. */
  now?: () => number;
}

/** Options when reading a timestamped value. */
export interface UnsignOptions {
  /** Reject signatures older than this many seconds (and any from the future). */
  maxAge?: number;
}

/** A verified value with the time it was signed, in seconds since the epoch. */
interface TimestampedValue {
  value: string;
  timestamp: number;
}

/**
 * A {@link Signer} that also signs the current time, so values can expire: itsdangerous'
 * `TimestampSigner`. The wire format is `value.timestamp.signature`, with the timestamp as
 * base64url of the big-endian seconds.
 *
 * @example
 * ```ts
 * const signer = new TimestampSigner("secret");
 * const token = await signer.sign("user-42");
 * await signer.unsign(token, { maxAge: 3600 }); // "user-42", or SignatureExpired after an hour
 * ```
 */
export class TimestampSigner extends Signer {
  readonly #now: () => number;
  #lastTimestamp = -1;
  #lastTimestampText = "";

  constructor(secretKeys: SecretKey | readonly SecretKey[], options: TimestampSignerOptions = {}) {
    super(secretKeys, options);
    this.#now = options.now ?? (() => Date.now() / 1000);
  }

  /** The current time in whole seconds. */
  getTimestamp(): number {
    return Math.floor(this.#now());
  }

  /**
   * Signs `value` together with the current time.
   *
   * @example
   * ```ts
   * await new TimestampSigner("secret", { now: () => 1700000000 }).sign("a"); // "a.ZVPxAA.<sig>"
   * ```
   */
  override async sign(value: string): Promise<string> {
    return this.signNow(value);
  }

  /**
   * {@link TimestampSigner.sign} without a promise when it can (see {@link Signer.signNow}).
   *
   * @example
   * ```ts
   * const token = await new TimestampSigner("secret").signNow("a"); // await works either way
   * ```
   */
  override signNow(value: string): Eventually<string> {
    return super.signNow(`${value}${this.sep}${this.#timestampText()}`);
  }

  /** base64url of the current second, remembered for the rest of that second. */
  #timestampText(): string {
    const now = this.getTimestamp();
    if (now !== this.#lastTimestamp) {
      this.#lastTimestampText = base64UrlEncode(intToBytes(now));
      this.#lastTimestamp = now;
    }
    return this.#lastTimestampText;
  }

  /**
   * Verifies the signature and the age and returns the value. Throws {@link BadTimeSignature}
   * for a bad signature or timestamp and {@link SignatureExpired} when older than `maxAge`
   * seconds or signed in the future.
   *
   * @example
   * ```ts
   * await signer.unsign(token, { maxAge: 60 });
   * ```
   */
  override async unsign(signedValue: string, options: UnsignOptions = {}): Promise<string> {
    return (await this.unsignWithTimestampNow(signedValue, options)).value;
  }

  /**
   * Like {@link TimestampSigner.unsign}, also returning when the value was signed.
   *
   * @example
   * ```ts
   * const { value, timestamp } = await signer.unsignWithTimestamp(token);
   * ```
   */
  async unsignWithTimestamp(signedValue: string, options: UnsignOptions = {}): Promise<TimestampedValue> {
    return this.unsignWithTimestampNow(signedValue, options);
  }

  /**
   * {@link TimestampSigner.unsignWithTimestamp} without a promise when it can (see
   * {@link Signer.signNow}): errors are thrown at once then, or reject the promise otherwise.
   *
   * @example
   * ```ts
   * const { value } = await signer.unsignWithTimestampNow(token, { maxAge: 60 });
   * ```
   */
  unsignWithTimestampNow(signedValue: string, options: UnsignOptions = {}): Eventually<TimestampedValue> {
    const { maxAge } = options;
    if (maxAge !== undefined && Number.isNaN(maxAge)) throw new TypeError("maxAge must be a number of seconds");
    return settle(
      () => super.unsignNow(signedValue),
      (result, error) => this.#checkTimestamp(result, error, maxAge),
    );
  }

  /** What itsdangerous checks after the signature: a timestamp is there, well formed, and young enough. */
  #checkTimestamp(verified: string | undefined, error: unknown, maxAge: number | undefined): TimestampedValue {
    // Not a bad signature but a failure of the signer itself: rethrown as it came.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (error !== undefined && !(error instanceof BadSignature)) throw error;
    const signatureError = error;
    const result = verified ?? signatureError?.payload ?? "";

    const at = result.lastIndexOf(this.sep);
    if (at < 0) {
      if (signatureError) throw new BadTimeSignature(signatureError.message, signatureError.payload);
      throw new BadTimeSignature("timestamp missing", result);
    }
    const value = result.slice(0, at);
    const timestampBytes = base64UrlDecode(result.slice(at + this.sep.length));
    const timestamp = timestampBytes ? bytesToInt(timestampBytes) : undefined;

    if (signatureError) throw new BadTimeSignature(signatureError.message, value, timestamp);
    if (timestamp === undefined) throw new BadTimeSignature("Malformed timestamp", value);

    if (maxAge !== undefined) {
      const age = this.getTimestamp() - timestamp;
      if (age > maxAge) throw new SignatureExpired(`Signature age ${age} > ${maxAge} seconds`, value, timestamp);
      if (age < 0) throw new SignatureExpired(`Signature age ${age} < 0 seconds`, value, timestamp);
    }
    return { value, timestamp };
  }

  /**
   * `true` when {@link TimestampSigner.unsign} would succeed with the same options.
   *
   * @example
   * ```ts
   * await signer.validate(token, { maxAge: 60 });
   * ```
   */
  override async validate(signedValue: string, options: UnsignOptions = {}): Promise<boolean> {
    try {
      await this.unsign(signedValue, options);
      return true;
    } catch (error) {
      if (error instanceof BadSignature) return false;
      throw error;
    }
  }
}
