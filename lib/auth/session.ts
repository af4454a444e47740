import { cache } from "react";
import { cookies, headers } from "next/headers";
import { decode } from "next-auth/jwt";
import { auth } from "@/lib/auth/auth";
import { loadSessionContext, type AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

// The Auth.js session cookie (an encrypted, authenticated JWT naming a Session row). Reading it through
// `auth()` costs a CSRF token digest, a decryption and a re-encryption of the cookie on every call; the
// session id is all a request needs, so it is decrypted here directly (same secret, same salt = cookie
// name) and the result is remembered per exact cookie value until the token expires. That is safe: the
// decryption authenticates the whole value, so the same string always decrypts to the same claims. The
// Session row is still checked on every request (loadSessionContext; from memory only while the process hears every
// change to sessions, lib/auth/context-cache.ts), so revoking a session works as soon as it commits.
// Cookies Auth.js splits into chunks (`.0`, `.1`, …; far larger than ours) go through `auth()`.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const DECODED_MAX = 5000;
const decoded = new Map<string, { sid: string | null; expiresAt: number }>();

async function sessionIdFromCookie(): Promise<string | null | undefined> {
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    const value = jar.get(name)?.value;
    if (!value) continue;
    const known = decoded.get(value);
    if (known) {
      if (known.expiresAt > Date.now()) return known.sid;
      decoded.delete(value);
      return null;
    }
    try {
      const token = await decode({ token: value, secret: process.env.AUTH_SECRET!, salt: name });
      if (!token) return null;
      const sid = typeof token.sid === "string" ? token.sid : null;
      const expiresAt = typeof token.exp === "number" ? token.exp * 1000 : 0;
      if (expiresAt <= Date.now()) return null;
      if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
      decoded.set(value, { sid, expiresAt });
      return sid;
    } catch {
      return null; // tampered, wrong secret or expired: not signed in (what auth() answers too)
    }
  }
  return jar.getAll().some((c) => COOKIE_NAMES.some((name) => c.name.startsWith(`${name}.`))) ? undefined : null;
}

/** The signed-in caller of this request, or null. Checked against the Session row on every request. */
export const getAuthContext = cache(async (): Promise<AuthContext | null> => {
  let sid = await sessionIdFromCookie();
  if (sid === undefined) sid = (await auth())?.sid ?? null;
  if (!sid) return null;
  return loadSessionContext(sid, await requestIp());
});

/** The signed-in caller; throws UNAUTHENTICATED when there is none (never returns undefined ids). */
export async function requireAuthContext(): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return ctx;
}
