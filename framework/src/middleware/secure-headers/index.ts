/** `secureHeaders()` and its per-request CSP nonce. */
export { secureHeaders, type SecureHeadersOptions, type HeaderSetting } from "./secure-headers.ts";
export { cspNonce, NONCE } from "./nonce.ts";
export type { ContentSecurityPolicy, CspSource } from "./content-security-policy.ts";
