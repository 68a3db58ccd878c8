/** Reading request bodies under size limits: raw bytes, JSON, urlencoded and multipart forms. */
export type { BodyLimits } from "./limits.ts";
export { DEFAULT_BODY_LIMITS } from "./limits.ts";
export { readBody, readBodyChunks } from "./read-body.ts";
export { readJsonBody } from "./json.ts";
export { readFormBody } from "./form.ts";
export type { ParsedForm } from "./form.ts";
export type { UploadedFile } from "./uploaded-file.ts";
export { createUploadedFile } from "./uploaded-file.ts";
export { setUploadSpool, uploadSpoolOf } from "./upload-spool.ts";
export type { UploadSink, UploadSpool } from "./upload-spool.ts";
export { parseUrlEncoded } from "./urlencoded.ts";
export { MultipartParser, isValidMultipartBoundary } from "./multipart.ts";
export type { MultipartEvent, MultipartParserOptions, PartInfo } from "./multipart.ts";
export { parseMultipartForm } from "./multipart-form.ts";
export { parsePartHeaders } from "./multipart-headers.ts";
