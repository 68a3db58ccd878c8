/**
 * Signing in the manner of itsdangerous, on Web Crypto: signers, timestamped signers, a URL-safe
 * serializer, and the Flask-compatible session cookie serializer.
 */
export { BadData, BadPayload, BadSignature, BadTimeSignature, SignatureExpired } from "./errors";
export type { Digest, KeyDerivation, SecretKey } from "./keys";
export { Signer } from "./signer";
export type { SignerOptions } from "./signer";
export { TimestampSigner } from "./timestamp-signer";
export type { TimestampSignerOptions, TimestampedValue, UnsignOptions } from "./timestamp-signer";
export { URLSafeTimedSerializer, pythonJsonCodec } from "./serializer";
export type { JsonCodec, LoadResult, URLSafeTimedSerializerOptions } from "./serializer";
export { taggedJsonCodec } from "./tagged-json";
export { sessionSerializer } from "./session-serializer";
export type { SessionSerializerOptions } from "./session-serializer";
export { dumpsPythonJson } from "./python-json";
export { base64UrlDecode, base64UrlEncode } from "./base64";
