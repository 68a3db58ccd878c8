/** Reading request bodies under size limits: raw bytes, JSON, urlencoded and multipart forms. */
export type { BodyLimits } from "./limits";
export { DEFAULT_BODY_LIMITS } from "./limits";
export { readBody, readBodyChunks } from "./read-body";
export { readJsonBody } from "./json";
export { readFormBody } from "./form";
export type { ParsedForm } from "./form";
export type { UploadedFile } from "./uploaded-file";
export { createUploadedFile } from "./uploaded-file";
export { setUploadSpool, uploadSpoolOf } from "./upload-spool";
export type { UploadSink, UploadSpool } from "./upload-spool";
export { parseUrlEncoded } from "./urlencoded";
export { MultipartParser, isValidMultipartBoundary } from "./multipart";
export type { MultipartEvent, MultipartParserOptions, PartInfo } from "./multipart";
export { parseMultipartForm } from "./multipart-form";
export { parsePartHeaders } from "./multipart-headers";
