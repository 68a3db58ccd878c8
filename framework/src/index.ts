/**
 * Vial: a Flask-style web micro-framework on web-standard fetch handlers.
 * This entry point runs anywhere `Request`/`Response` exist; Node-only parts are in `vial/node`.
 */
export { Vial, type VialOptions } from "./app.ts";
export { toRequest, type RequestInitWithBody } from "./request-init.ts";
export { Blueprint, type BlueprintOptions, type RegisterOptions } from "./blueprint.ts";
export { Config, defaultConfig, type ConfigValues } from "./config.ts";
export { VialRequest } from "./request.ts";
export {
  Session,
  NullSession,
  SessionInterface,
  SecureCookieSessionInterface,
  type SessionApp,
  addVary,
  setCookie,
  deleteCookie,
  type SessionCookieFlags,
} from "./sessions/index.ts";
export { flash, getFlashedMessages, type FlashOptions } from "./flash.ts";
export { csrf, csrfToken, CsrfError, type CsrfOptions } from "./middleware/csrf/index.ts";
export { json, text, redirect } from "./response.ts";
export { makeResponse, InvalidResponseError, type ResponseValue } from "./make-response.ts";
export * from "./http-errors.ts";
export type { AfterRequestHook, BeforeRequestHook, ErrorClass, ErrorHandler, TeardownHook } from "./hooks.ts";
export type { Handler, RequestFor, RouteData, RouteOptions, RouteSchemas } from "./route-types.ts";
export type { StandardSchemaV1 } from "./standard-schema.ts";
export type { UrlForOptions } from "./url-for.ts";
export type { Logger } from "./logger.ts";
export { RoutingRedirect } from "./dispatch.ts";
export { TestClient, type TestClientOptions, type TestRequestInit } from "./testing/test-client.ts";
export { CookieJar } from "./testing/cookie-jar.ts";
export {
  RouteMap,
  BuildError,
  ValidationError,
  defaultConverters,
  type Converter,
  type ConverterArgs,
  type ConverterFactory,
  type ConverterTypes,
  type RouteParams,
} from "./routing/index.ts";
export { MultiDict } from "./http/index.ts";
export type { UploadedFile } from "./body/index.ts";
export * from "./html/index.ts";
export {
  ValidationFailed,
  ResponseValidationError,
  problemJson,
  PROBLEM_JSON,
  type InputLocation,
  type ValidationIssue,
  type ValidationProblem,
  type ValidationErrorHandler,
} from "./validation/index.ts";
export {
  Signer,
  TimestampSigner,
  URLSafeTimedSerializer,
  sessionSerializer,
  BadData,
  BadPayload,
  BadSignature,
  BadTimeSignature,
  SignatureExpired,
  type SignerOptions,
  type TimestampSignerOptions,
  type URLSafeTimedSerializerOptions,
  type SessionSerializerOptions,
} from "./signing/index.ts";
export { serializeCookie, deleteCookieHeader, type CookieOptions, type DeleteCookieOptions } from "./cookies/index.ts";
export { hashPassword, verifyPassword, safeJoin, secureFilename, type HashPasswordOptions } from "./security/index.ts";
export { clientAddress, setClientAddress, type RequestLike } from "./client-address.ts";
export {
  secureHeaders,
  cspNonce,
  NONCE,
  type SecureHeadersOptions,
  type HeaderSetting,
  type ContentSecurityPolicy,
  type CspSource,
} from "./middleware/secure-headers/index.ts";
export { proxyFix, applyProxyFix, forwardedPrefix, type ProxyFixOptions } from "./middleware/proxy-fix/index.ts";
export {
  rateLimit,
  MemoryStore,
  type RateLimitOptions,
  type MemoryStoreOptions,
  type RateLimitStore,
  type RateLimitHit,
  type RateLimitHeaderStyle,
} from "./middleware/rate-limit/index.ts";
export {
  staticFilesFrom,
  staticPath,
  sendFile,
  memoryFileSource,
  contentTypeFor,
  type StaticFilesOptions,
  type SendFileOptions,
  type ConditionalRequest,
  type FileSource,
  type StaticFile,
  type FileBody,
  type ByteRange,
} from "./static/index.ts";
