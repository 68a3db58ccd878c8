/** `TRUSTED_HOSTS`: refuse requests for hosts the app does not serve (Host header attacks). */
import { BadRequest } from "./http-errors.ts";
import type { VialRequest } from "./request.ts";

/**
 * Throws 400 unless the request's host (without port) is listed. An entry starting with a dot
 * also allows subdomains: `.example.com` allows `example.com` and `api.example.com`.
 */
export function checkTrustedHost(req: VialRequest, trusted: readonly string[] | null): void {
  if (!trusted) return;
  const host = req.url.hostname.toLowerCase().replace(/\.$/, "");
  if (!trusted.some((pattern) => hostMatches(host, pattern.toLowerCase()))) {
    throw new BadRequest(`Host "${host}" is not in TRUSTED_HOSTS.`);
  }
}

function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith(".")) return host === pattern.slice(1) || host.endsWith(pattern);
  return host === pattern;
}
