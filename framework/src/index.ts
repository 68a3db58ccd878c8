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
