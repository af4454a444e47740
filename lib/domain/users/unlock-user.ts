import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const unlockUserSchema = z.object({ id: z.uuid({ error: "Invalid user id" }) });

/** Lifts a sign-in lock (after too many failed attempts) before it runs out, and clears the failure count. */
export async function unlockUser(ctx: AuthContext, raw: z.input<typeof unlockUserSchema>) {
  if (!can(ctx, "user.manage")) throw new AppError("FORBIDDEN", "You do not have permission to unlock users");
  const { id } = unlockUserSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id, agencyId: ctx.agencyId },
      select: { id: true, email: true, lockedUntil: true, failedLoginCount: true },
    });
    if (!user) throw new AppError("NOT_FOUND", "User not found");
    const updated = await tx.user.updateMany({
      where: { id, agencyId: ctx.agencyId },
      data: { lockedUntil: null, failedLoginCount: 0 },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND", "User not found");
    await writeAudit(tx, ctx, {
      action: "user.unlock",
      model: "User",
      recordId: user.id,
      display: user.email,
      before: { lockedUntil: user.lockedUntil, failedLoginCount: user.failedLoginCount },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
    return { id: user.id, email: user.email };
  });
}
