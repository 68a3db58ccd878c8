/** Reading request bodies under size limits: raw bytes, JSON, urlencoded and multipart forms. */
export type { BodyLimits } from "./limits.ts";
export { readBody } from "./read-body.ts";
export { readJsonBody } from "./json.ts";
export { readFormBody } from "./form.ts";
export type { ParsedForm } from "./form.ts";
export type { UploadedFile } from "./uploaded-file.ts";
