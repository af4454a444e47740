import { cache } from "react";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { loadSessionContext, type AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

/** The signed-in caller of this request, or null. Checked against the Session row on every request. */
export const getAuthContext = cache(async (): Promise<AuthContext | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return loadSessionContext(session.sid, await requestIp());
});

/** The signed-in caller; throws UNAUTHENTICATED when there is none (never returns undefined ids). */
export async function requireAuthContext(): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  return ctx;
}
