import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { clientAddressOf, type HeaderSource } from "@/lib/auth/client-address";
import { loadSessionContext, type AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

export type { HeaderSource };

/** The caller's address (lib/auth/client-address.ts): of the request whose headers are passed, else the page's. */
export async function requestIp(source?: HeaderSource): Promise<string | null> {
  return clientAddressOf(source ?? (await headers()));
}

// The Auth.js session cookie (an encrypted, authenticated JWT naming a Session row). Reading it through
// `auth()` costs a CSRF token digest, a decryption and a re-encryption of the cookie on every call; the
// session id is all a request needs, so it is decrypted here directly (same secret, same salt = cookie
// name) and the result is remembered per exact cookie value until the token expires. That is safe: the
// decryption authenticates the whole value, so the same string always decrypts to the same claims. The
// Session row is still checked on every request (loadSessionContext; from memory only while the process hears every
// change to sessions, lib/auth/context-cache.ts), so revoking a session works as soon as it commits.
// A cookie Auth.js splits into chunks (`name.0`, `name.1`, …; far larger than ours) is joined in index order,
// as Auth.js joins it.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const DECODED_MAX = 5000;
const decoded = new Map<string, { sid: string | null; expiresAt: number }>();

function sessionCookie(cookieHeader: string | null): { name: string; value: string } | null {
  if (!cookieHeader) return null;
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  for (const name of COOKIE_NAMES) {
    const whole = jar.get(name);
    if (whole) return { name, value: whole };
    const chunks: string[] = [];
    for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
    if (chunks.length) return { name, value: chunks.join("") };
  }
  return null;
}

async function sessionIdFromCookie(source: HeaderSource): Promise<string | null> {
  const cookie = sessionCookie(source.get("cookie"));
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

async function contextOf(source: HeaderSource): Promise<AuthContext | null> {
  const sid = await sessionIdFromCookie(source);
  if (!sid) return null;
  return loadSessionContext(sid, await requestIp(source));
}

const pageContext = cache(async (): Promise<AuthContext | null> => contextOf(await headers()));

/**
 * The signed-in caller, or null: of the page or action being rendered, or of the API request whose headers
 * are passed. Checked against the Session row on every request.
 */
export async function getAuthContext(source?: HeaderSource): Promise<AuthContext | null> {
  return source ? contextOf(source) : pageContext();
}

/** The signed-in caller; throws UNAUTHENTICATED when there is none (never returns undefined ids). */
export async function requireAuthContext(source?: HeaderSource): Promise<AuthContext> {
  const ctx = await getAuthContext(source);
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return ctx;
}
