import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

/** The 409 of a stale save, naming who changed the campaign last (from the audit log). */
export async function campaignStaleError(ctx: AuthContext, id: string, current: number) {
  const last = await db.auditLog.findFirst({
    where: {
      agencyId: ctx.agencyId,
      model: "Campaign",
      recordId: id,
      action: { in: ["campaign.update", "campaign.create"] },
    },
    orderBy: { createdAt: "desc" },
    select: { actorEmail: true },
  });
  const who = last?.actorEmail ? ` by ${last.actorEmail}` : "";
  return new AppError(
    "STALE_VERSION",
    `This campaign was changed${who} since you opened it (now version ${current}). Reload to see the changes, then edit again.`,
    {
      fields: { version: "Out of date" },
    },
  );
}
