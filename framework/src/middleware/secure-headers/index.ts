/** `secureHeaders()` and its per-request CSP nonce. */
export { secureHeaders, type SecureHeadersOptions, type HeaderSetting } from "./secure-headers";
export { cspNonce, NONCE } from "./nonce";
export type { ContentSecurityPolicy, CspSource } from "./content-security-policy";
