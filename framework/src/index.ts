/**
 * Vial: a Flask-style web micro-framework on web-standard fetch handlers.
 * This entry point holds what an app author writes, and runs anywhere `Request`/`Response`
 * exist. The rest is in subpaths: `vial/node` (the server, files on disk), `vial/testing` (the
 * test client), `vial/signing` (itsdangerous-style signers), `vial/routing` (the URL map and
 * converters), `vial/cookies` (`Set-Cookie` lines), `vial/redis`, `vial/db`.
 */
export { Vial, type VialOptions } from "./app.ts";
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
