/** Static files and `sendFile`, web-standard: the file system is behind a `FileSource`. */
export { staticFilesFrom, staticPath, type StaticFilesOptions } from "./static-files";
export { sendFile, type SendFileOptions, type ConditionalRequest } from "./send-file";
export { memoryFileSource, type FileSource, type StaticFile, type FileBody, type ByteRange } from "./file-source";
export { contentTypeFor } from "./content-type";
