/**
 * Signing in the manner of itsdangerous, on Web Crypto: signers, timestamped signers, a URL-safe
 * serializer, and the Flask-compatible session cookie serializer.
 */
export { BadData, BadPayload, BadSignature, BadTimeSignature, SignatureExpired } from "./errors.ts";
export type { Digest, KeyDerivation } from "./keys.ts";
export { Signer } from "./signer.ts";
export { TimestampSigner } from "./timestamp-signer.ts";
export { URLSafeTimedSerializer } from "./serializer.ts";
export { taggedJsonCodec } from "./tagged-json.ts";
export { sessionSerializer } from "./session-serializer.ts";
export { dumpsPythonJson } from "./python-json.ts";
export { base64UrlEncode } from "./base64.ts";
