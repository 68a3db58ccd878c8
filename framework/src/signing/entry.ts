/**
 * `vial/signing`: the signers behind sessions, in itsdangerous' formats, for an app's own tokens
 * (a password-reset link, an e-mail confirmation) and for reading a session cookie in a test.
 */
export { BadData, BadPayload, BadSignature, BadTimeSignature, SignatureExpired } from "./errors.ts";
export { Signer, type SignerOptions } from "./signer.ts";
export { TimestampSigner, type TimestampSignerOptions } from "./timestamp-signer.ts";
export { URLSafeTimedSerializer, type URLSafeTimedSerializerOptions } from "./serializer.ts";
export { sessionSerializer, type SessionSerializerOptions } from "./session-serializer.ts";
