/** Static files and `sendFile`, web-standard: the file system is behind a `FileSource`. */
export { staticFilesFrom, staticPath, type StaticFilesOptions } from "./static-files.ts";
export { sendFile, type SendFileOptions, type ConditionalRequest } from "./send-file.ts";
export { memoryFileSource, type FileSource, type StaticFile, type FileBody, type ByteRange } from "./file-source.ts";
export { contentTypeFor } from "./content-type.ts";
