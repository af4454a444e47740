import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { scopeOf, type Permission } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { idSchema } from "@/lib/domain/id";

/**
 * The tenant of the caller's influencers. The directory is agency-wide (DESIGN.md: a CM sees every
 * influencer of the agency); a caller without the permission is refused before any query runs.
 */
export function influencerScope(ctx: AuthContext, permission: Permission): { agencyId: string } {
  if (!scopeOf(ctx, permission)) throw new AppError("FORBIDDEN", "You do not have permission to do this");
  return { agencyId: ctx.agencyId };
}

/** One profile of the caller's agency, or NOT_FOUND (an id of another agency is simply not there). */
export async function findScopedInfluencer(tx: Tx, ctx: AuthContext, id: string, permission: Permission) {
  const where = influencerScope(ctx, permission);
  if (!idSchema.safeParse(id).success) throw notFound("Influencer");
  const profile = await tx.influencerProfile.findFirst({ where: { ...where, id } });
  if (!profile) throw notFound("Influencer");
  return profile;
}

export async function staleInfluencerError(tx: Tx, ctx: AuthContext, id: string, current: number) {
  const last = await tx.auditLog.findFirst({
    where: { agencyId: ctx.agencyId, model: "InfluencerProfile", recordId: id },
    orderBy: { createdAt: "desc" },
    select: { actorEmail: true },
  });
  const who = last?.actorEmail ? ` by ${last.actorEmail}` : "";
  return new AppError(
    "STALE_VERSION",
    `This influencer was changed${who} since you opened it (now version ${current}). Reload to see the changes, then edit again.`,
    {
      fields: { version: "Out of date" },
    },
  );
}

/** A duplicate handle (unique per agency and platform) as a 409 that names the handle field. */
export function duplicateHandleError(error: unknown, handle: string, platform: string): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const message = `The ${platform.toLowerCase()} handle @${handle} is already in the directory`;
    return new AppError("CONFLICT", message, { fields: { handle: message } });
  }
  return error;
}

/** Only the last four characters of the decrypted payment details ever leave the server. */
export function maskSecret(plain: string | null): string | null {
  if (!plain) return null;
  const compact = plain.replace(/\s+/g, "");
  return `•••• ${compact.slice(-4)}`;
}
