/** Low-level HTTP input parsing: multi-valued maps, cookies, media types and header parameters. */
export { MultiDict } from "./multidict";
export { parseCookieHeader } from "./cookies";
export { parseMediaType, isJsonMediaType } from "./media-type";
export type { MediaType } from "./media-type";
export { parseHeaderParams } from "./header-params";
export { utf8FromByteString, toByteString, byteStringToBytes, bytesToByteString } from "./byte-string";
