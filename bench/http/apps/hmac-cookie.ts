/**
 * A small signed cookie for the server without a built-in one (node:http):
 * `base64url(JSON).base64url(HMAC-SHA256)`, checked in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { SECRET, SESSION_COOKIE } from "./shared";

const sign = (payload: string) => createHmac("sha256", SECRET).update(payload).digest("base64url");

/** The session stored in a `Cookie` header, or `{}` when it is missing or its signature is wrong. */
export function readSession(cookieHeader: string | undefined): Record<string, unknown> {
  const value = cookieValue(cookieHeader, SESSION_COOKIE);
  if (!value) return {};
  const dot = value.lastIndexOf(".");
  if (dot < 0) return {};
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return {};
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A `Set-Cookie` header value holding the signed session. */
export function sessionSetCookie(session: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(session)).toString("base64url");
  return `${SESSION_COOKIE}=${payload}.${sign(payload)}; Path=/; HttpOnly; SameSite=Lax`;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}
