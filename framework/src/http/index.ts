/** Low-level HTTP input parsing: multi-valued maps, cookies, media types and header parameters. */
export { MultiDict } from "./multidict.ts";
export { parseCookieHeader } from "./cookies.ts";
export { parseMediaType, isJsonMediaType } from "./media-type.ts";
