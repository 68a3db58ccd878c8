/** `proxyFix()`: trust `X-Forwarded-*` headers from a known number of proxies. */
export { proxyFix, applyProxyFix, forwardedPrefix, type ProxyFixOptions } from "./proxy-fix.ts";
