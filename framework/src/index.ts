/**
 * Vial: a Flask-style web micro-framework on web-standard fetch handlers.
 * This entry point runs anywhere `Request`/`Response` exist; Node-only parts are in `vial/node`.
 */
export { Vial, toRequest, type VialOptions, type RequestInitWithBody, type RouteData } from "./app";
export { Blueprint, type BlueprintOptions, type RegisterOptions } from "./blueprint";
export { Config, defaultConfig, type ConfigValues } from "./config";
export { VialRequest } from "./request";
export {
  Session,
  NullSession,
  SessionInterface,
  SecureCookieSessionInterface,
  addVary,
  setCookie,
  deleteCookie,
  type SessionCookieFlags,
} from "./sessions";
export { flash, getFlashedMessages, type FlashOptions } from "./flash";
export { csrf, csrfToken, CsrfError, type CsrfOptions } from "./middleware/csrf";
export { json, text, redirect } from "./response";
export { makeResponse, InvalidResponseError, type ResponseValue } from "./make-response";
export * from "./http-errors";
export type { AfterRequestHook, BeforeRequestHook, ErrorClass, ErrorHandler, TeardownHook } from "./hooks";
export type { Handler, RequestFor, RouteOptions, RouteSchemas } from "./route-types";
export type { StandardSchemaV1 } from "./standard-schema";
export type { UrlForOptions } from "./url-for";
export type { Logger } from "./logger";
export { RoutingRedirect } from "./dispatch";
export { TestClient, type TestClientOptions, type TestRequestInit } from "./testing/test-client";
export { CookieJar } from "./testing/cookie-jar";
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
} from "./routing";
export { MultiDict } from "./http";
export type { UploadedFile } from "./body";
export * from "./html";
export {
  ValidationFailed,
  ResponseValidationError,
  problemJson,
  PROBLEM_JSON,
  type InputLocation,
  type ValidationIssue,
  type ValidationProblem,
  type ValidationErrorHandler,
} from "./validation";
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
} from "./signing";
export { serializeCookie, deleteCookieHeader, type CookieOptions, type DeleteCookieOptions } from "./cookies";
export { hashPassword, verifyPassword, safeJoin, type HashPasswordOptions } from "./security";
export { clientAddress, setClientAddress, type RequestLike } from "./client-address";
export { secureHeaders, cspNonce, NONCE, type SecureHeadersOptions, type HeaderSetting, type ContentSecurityPolicy, type CspSource } from "./middleware/secure-headers";
export { proxyFix, applyProxyFix, forwardedPrefix, type ProxyFixOptions } from "./middleware/proxy-fix";
export { rateLimit, MemoryStore, type RateLimitOptions, type MemoryStoreOptions, type RateLimitStore, type RateLimitHit, type RateLimitHeaderStyle } from "./middleware/rate-limit";
export { staticFilesFrom, staticPath, sendFile, memoryFileSource, contentTypeFor, type StaticFilesOptions, type SendFileOptions, type ConditionalRequest, type FileSource, type StaticFile, type FileBody, type ByteRange } from "./static";
