import "server-only";
import { decode } from "next-auth/jwt";

// The Auth.js session cookie (an encrypted, authenticated JWT naming a Session row), read without Auth.js's
// `auth()`: that costs a CSRF token digest, a decryption and a re-encryption of the cookie on every call, and
// answers every page with three Set-Cookie headers (session token, CSRF token, callback URL). The session id is
// all a request needs, so it is decrypted here directly (same secret, same salt = cookie name) and the result
// is remembered per exact cookie value until the token expires. That is safe: the decryption authenticates the
// whole value, so the same string always decrypts to the same claims, and the Session row is still checked on
// every request that renders anything (lib/auth/session.ts). Used by proxy.ts (signed in or sent to /login)
// and by lib/auth/session.ts (the caller's context); each keeps its own memory in its own bundle.
//
// The cookie is not renewed per request (Auth.js's JWT strategy re-encrypts it on every `auth()` call): the Session
// row it names expires a fixed SESSION_MAX_AGE_SECONDS after sign-in and is never extended, and the cookie is
// written at sign-in with that same lifetime, so a renewed cookie would outlive its row without keeping anyone
// signed in longer. A stable cookie is also what lets the memory above hit (docs/decisions.md, "The session
// cookie is written once").
//
// A cookie Auth.js splits into chunks (`name.0`, `name.1`, …; far larger than ours) is joined in index order,
// as Auth.js joins it.

export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const DECODED_MAX = 5000;
const decoded = new Map<string, { sid: string | null; expiresAt: number }>();

/** The session cookie's name and (joined) value in a Cookie header, or null. */
export function sessionCookie(cookieHeader: string | null): { name: string; value: string } | null {
  if (!cookieHeader) return null;
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = jar.get(name);
    if (whole) return { name, value: whole };
    const chunks: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
    if (chunks.length) return { name, value: chunks.join("") };
  }
  return null;
}

/**
 * The Session row id the request's session cookie names, or null when there is no cookie or it is tampered,
 * signed with another secret or expired. Does not look at the Session row (revoked, expired): the caller does.
 */
export async function sessionIdFromCookieHeader(cookieHeader: string | null): Promise<string | null> {
  const cookie = sessionCookie(cookieHeader);
  if (!cookie) return null;
  const known = decoded.get(cookie.value);
  if (known) {
    if (known.expiresAt > Date.now()) return known.sid;
    decoded.delete(cookie.value);
    return null;
  }
  try {
    const token = await decode({ token: cookie.value, secret: process.env.AUTH_SECRET!, salt: cookie.name });
    if (!token) return null;
    const sid = typeof token.sid === "string" ? token.sid : null;
    const expiresAt = typeof token.exp === "number" ? token.exp * 1000 : 0;
    if (expiresAt <= Date.now()) return null;
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(cookie.value, { sid, expiresAt });
    return sid;
  } catch {
    return null; // tampered, wrong secret or expired: not signed in (what auth() answers too)
  }
}
