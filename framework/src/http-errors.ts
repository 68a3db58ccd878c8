/**
 * HTTP errors in the manner of Werkzeug's `exceptions.py`: one class per status, each with a
 * plain default body, so `throw new NotFound()` or `abort(404)` ends a request with that status.
 * Error handlers are looked up by status code first, then by class up the prototype chain.
 */

/**
 * Phrases for the status codes Vial knows (400–505 plus redirects used by routing).
 *
 * @example
 * ```ts
 * import { STATUS_PHRASES } from "vial";
 * STATUS_PHRASES[404]; // "Not Found"
 * ```
 */
export const STATUS_PHRASES: Readonly<Record<number, string>> = {
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  417: "Expectation Failed",
  418: "I'm a teapot",
  421: "Misdirected Request",
  422: "Unprocessable Content",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version Not Supported",
};

/**
 * Base class of every HTTP error. Throw it (or a subclass) from a handler or hook; Vial turns it
 * into a response, after giving registered error handlers a chance.
 *
 * @example
 * ```ts
 * import { HTTPError } from "vial";
 * throw new HTTPError(409, "That name is taken.");
 * ```
 */
export class HTTPError extends Error {
  /** The HTTP status code. */
  readonly status: number;
  /** Extra headers sent with the default response (e.g. `Allow`, `Retry-After`). */
  readonly headers: Headers;
  /** A response to send instead of the default body (as `abort(response)` gives). */
  readonly response: Response | undefined;

  constructor(status: number, description?: string, options: { headers?: HeadersInit; response?: Response; cause?: unknown } = {}) {
    super(description ?? defaultDescription(status), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.headers = new Headers(options.headers);
    this.response = options.response;
  }

  /** The status phrase, e.g. `"Not Found"`. */
  get phrase(): string {
    return STATUS_PHRASES[this.status] ?? "Error";
  }

  /** The human-readable explanation sent in the default body. */
  get description(): string {
    return this.message;
  }

  /** The default plain-text response for this error. */
  getResponse(): Response {
    if (this.response) return this.response;
    const headers = new Headers(this.headers);
    headers.set("content-type", "text/plain; charset=utf-8");
    return new Response(`${this.status} ${this.phrase}\n\n${this.description}\n`, { status: this.status, headers });
  }
}

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "The browser (or proxy) sent a request that this server could not understand.",
  401: "The server could not verify that you are authorized to access the URL requested.",
  403: "You don't have the permission to access the requested resource.",
  404: "The requested URL was not found on the server.",
  405: "The method is not allowed for the requested URL.",
  406: "The resource identified by the request is not capable of generating a response acceptable to the client.",
  408: "The server closed the network connection because the browser didn't finish the request within the specified time.",
  409: "A conflict happened while processing the request.",
  410: "The requested URL is no longer available on this server and there is no forwarding address.",
  411: "A request with this method requires a valid Content-Length header.",
  412: "The precondition on the request for the URL failed positive evaluation.",
  413: "The data value transmitted exceeds the capacity limit.",
  414: "The length of the requested URL exceeds the capacity limit for this server.",
  415: "The server does not support the media type transmitted in the request.",
  416: "The server cannot provide the requested range.",
  417: "The server could not meet the requirements of the Expect header.",
  418: "This server is a teapot, not a coffee machine.",
  421: "The server is not able to produce a response.",
  422: "The request was well-formed but was unable to be followed due to semantic errors.",
  423: "The resource that is being accessed is locked.",
  424: "The method could not be performed because a request it depended on failed.",
  428: "This request is required to be conditional.",
  429: "This user has exceeded an allotted request count. Try again later.",
  431: "One or more header fields exceeds the maximum size.",
  451: "Unavailable for legal reasons.",
  500: "The server encountered an internal error and was unable to complete your request.",
  501: "The server does not support the action requested by the browser.",
  502: "The proxy server received an invalid response from an upstream server.",
  503: "The server is temporarily unable to service your request. Please try again later.",
  504: "The connection to an upstream server timed out.",
  505: "The server does not support the HTTP protocol version used in the request.",
};

function defaultDescription(status: number): string {
  return DESCRIPTIONS[status] ?? STATUS_PHRASES[status] ?? "Unknown error.";
}

function defineError(status: number, name: string): new (description?: string, options?: { headers?: HeadersInit; cause?: unknown }) => HTTPError {
  const cls = class extends HTTPError {
    constructor(description?: string, options: { headers?: HeadersInit; cause?: unknown } = {}) {
      super(status, description, options);
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  Object.defineProperty(cls, "status", { value: status });
  return cls;
}

/** 400: the request could not be understood (malformed syntax, bad JSON). @example `throw new BadRequest("Missing 'name'.")` */
export const BadRequest = defineError(400, "BadRequest");
/** 401. @example `throw new Unauthorized()` */
export const Unauthorized = defineError(401, "Unauthorized");
/** 403. @example `throw new Forbidden("Admins only.")` */
export const Forbidden = defineError(403, "Forbidden");
/** 404. @example `throw new NotFound()` */
export const NotFound = defineError(404, "NotFound");
/** 406. @example `throw new NotAcceptable()` */
export const NotAcceptable = defineError(406, "NotAcceptable");
/** 408. @example `throw new RequestTimeout()` */
export const RequestTimeout = defineError(408, "RequestTimeout");
/** 409. @example `throw new Conflict("Already exists.")` */
export const Conflict = defineError(409, "Conflict");
/** 410. @example `throw new Gone()` */
export const Gone = defineError(410, "Gone");
/** 411. @example `throw new LengthRequired()` */
export const LengthRequired = defineError(411, "LengthRequired");
/** 412. @example `throw new PreconditionFailed()` */
export const PreconditionFailed = defineError(412, "PreconditionFailed");
/** 413: the body is larger than `MAX_CONTENT_LENGTH` or a form limit. @example `throw new ContentTooLarge()` */
export const ContentTooLarge = defineError(413, "ContentTooLarge");
/** 414. @example `throw new URITooLong()` */
export const URITooLong = defineError(414, "URITooLong");
/** 415: `req.json()` on a body that is not JSON. @example `throw new UnsupportedMediaType()` */
export const UnsupportedMediaType = defineError(415, "UnsupportedMediaType");
/** 416. @example `throw new RangeNotSatisfiable()` */
export const RangeNotSatisfiable = defineError(416, "RangeNotSatisfiable");
/** 417. @example `throw new ExpectationFailed()` */
export const ExpectationFailed = defineError(417, "ExpectationFailed");
/** 418. @example `throw new ImATeapot()` */
export const ImATeapot = defineError(418, "ImATeapot");
/** 422: input parsed but did not validate. @example `throw new UnprocessableContent()` */
export const UnprocessableContent = defineError(422, "UnprocessableContent");
/** 423. @example `throw new Locked()` */
export const Locked = defineError(423, "Locked");
/** 424. @example `throw new FailedDependency()` */
export const FailedDependency = defineError(424, "FailedDependency");
/** 428. @example `throw new PreconditionRequired()` */
export const PreconditionRequired = defineError(428, "PreconditionRequired");
/** 429. @example `throw new TooManyRequests(undefined, { headers: { "Retry-After": "30" } })` */
export const TooManyRequests = defineError(429, "TooManyRequests");
/** 431. @example `throw new RequestHeaderFieldsTooLarge()` */
export const RequestHeaderFieldsTooLarge = defineError(431, "RequestHeaderFieldsTooLarge");
/** 451. @example `throw new UnavailableForLegalReasons()` */
export const UnavailableForLegalReasons = defineError(451, "UnavailableForLegalReasons");
/** 500: an unhandled error; `originalError` holds what was thrown. @example `throw new InternalServerError()` */
export class InternalServerError extends HTTPError {
  static readonly status = 500;
  /** The exception that caused this 500, when there was one. */
  readonly originalError: unknown;
  constructor(description?: string, options: { headers?: HeadersInit; cause?: unknown; originalError?: unknown } = {}) {
    super(500, description, options);
    this.originalError = options.originalError;
  }
}
/** 501. @example `throw new NotImplemented()` */
export const NotImplemented = defineError(501, "NotImplemented");
/** 502. @example `throw new BadGateway()` */
export const BadGateway = defineError(502, "BadGateway");
/** 503. @example `throw new ServiceUnavailable()` */
export const ServiceUnavailable = defineError(503, "ServiceUnavailable");
/** 504. @example `throw new GatewayTimeout()` */
export const GatewayTimeout = defineError(504, "GatewayTimeout");
/** 505. @example `throw new HTTPVersionNotSupported()` */
export const HTTPVersionNotSupported = defineError(505, "HTTPVersionNotSupported");

/**
 * 405, carrying the methods the URL does accept; its response has an `Allow` header.
 *
 * @example
 * ```ts
 * throw new MethodNotAllowed(["GET", "HEAD", "OPTIONS"]);
 * ```
 */
export class MethodNotAllowed extends HTTPError {
  static readonly status = 405;
  readonly allowed: readonly string[];
  constructor(allowed: readonly string[], description?: string) {
    super(405, description, { headers: { allow: allowed.join(", ") } });
    this.allowed = allowed;
  }
}

const BY_STATUS = new Map<number, new (description?: string) => HTTPError>([
  [400, BadRequest],
  [401, Unauthorized],
  [403, Forbidden],
  [404, NotFound],
  [406, NotAcceptable],
  [408, RequestTimeout],
  [409, Conflict],
  [410, Gone],
  [411, LengthRequired],
  [412, PreconditionFailed],
  [413, ContentTooLarge],
  [414, URITooLong],
  [415, UnsupportedMediaType],
  [416, RangeNotSatisfiable],
  [417, ExpectationFailed],
  [418, ImATeapot],
  [422, UnprocessableContent],
  [423, Locked],
  [424, FailedDependency],
  [428, PreconditionRequired],
  [429, TooManyRequests],
  [431, RequestHeaderFieldsTooLarge],
  [451, UnavailableForLegalReasons],
  [500, InternalServerError],
  [501, NotImplemented],
  [502, BadGateway],
  [503, ServiceUnavailable],
  [504, GatewayTimeout],
  [505, HTTPVersionNotSupported],
]);

/**
 * Ends the request with an HTTP error, like Flask's `abort`. Pass a status code (and optionally a
 * description), or a `Response` to send as is.
 *
 * @example
 * ```ts
 * import { Vial, abort } from "vial";
 * const app = new Vial();
 * app.get("/admin", () => abort(403, "Admins only."));
 * ```
 */
export function abort(status: number | Response, description?: string): never {
  if (status instanceof Response) throw new HTTPError(status.status, undefined, { response: status });
  if (status === 405) throw new MethodNotAllowed([], description);
  const cls = BY_STATUS.get(status);
  if (cls) throw new cls(description);
  if (status >= 400 && status <= 599) throw new HTTPError(status, description);
  throw new RangeError(`abort() needs a 4xx or 5xx status code, got ${status}.`);
}
