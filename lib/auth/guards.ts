import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getAuthContext } from "@/lib/auth/session";
import type { AuthContext } from "@/lib/auth/context";
import { can, type Permission } from "@/lib/auth/permissions";
import { homePath, PORTALS, type PortalKey } from "@/lib/auth/portals";
import { AppError } from "@/lib/errors";

async function currentPath() {
  const h = await headers();
  return h.get("x-tikit-path") ?? "/";
}

/** For pages and layouts: the caller, or a redirect to /login that comes back here afterwards. */
export async function requireUser(): Promise<AuthContext> {
  const ctx = await getAuthContext();
  if (!ctx) redirect(`/login?callbackUrl=${encodeURIComponent(await currentPath())}`);
  return ctx;
}

/** For a portal's layout and pages: users without the portal's permission go to their own portal. */
export async function requirePortal(key: PortalKey): Promise<AuthContext> {
  const ctx = await requireUser();
  const portal = PORTALS.find((p) => p.key === key);
  if (!portal || !can(ctx, portal.permission)) redirect(homePath(ctx));
  return ctx;
}

/** For a page inside a portal that needs one more permission: 404 without it, as for a row not theirs. */
export async function requirePagePermission(ctx: AuthContext, permission: Permission) {
  if (!can(ctx, permission)) notFound();
}

/** For pages: a domain NOT_FOUND (or FORBIDDEN on a row) becomes the 404 page; anything else goes to the error boundary. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
