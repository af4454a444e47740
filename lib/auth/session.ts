import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { clientAddressOf, type HeaderSource } from "@/lib/auth/client-address";
import { loadSessionContext, type AuthContext } from "@/lib/auth/context";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/errors";

export type { HeaderSource };

/** The caller's address (lib/auth/client-address.ts): of the request whose headers are passed, else the page's. */
export async function requestIp(source?: HeaderSource): Promise<string | null> {
  return clientAddressOf(source ?? (await headers()));
}

async function contextOf(source: HeaderSource): Promise<AuthContext | null> {
  const sid = await sessionIdFromCookieHeader(source.get("cookie"));
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
