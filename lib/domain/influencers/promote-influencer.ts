import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { encrypt } from "@/lib/crypto/encryption";
import { AppError } from "@/lib/errors";
import { toInfluencerView } from "./influencer-view";
import { promoteSchema } from "./schemas";
import { findScopedInfluencer, staleInfluencerError } from "./scope";

/** STUB → FULL: the full set (legal name, e-mail, country, a language, a niche) is required, each missing field named. */
export async function promoteInfluencer(ctx: AuthContext, id: string, raw: unknown) {
  const { version, paymentDetails, ...fields } = promoteSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await findScopedInfluencer(tx, ctx, id, "influencer.manage");
    if (before.profileType === "FULL") throw new AppError("CONFLICT", "This influencer already has a full profile");
    if (before.version !== version) throw await staleInfluencerError(tx, ctx, id, before.version);
    const claimed = await tx.influencerProfile.updateMany({
      where: { id, agencyId: ctx.agencyId, version },
      data: {
        ...fields,
        profileType: "FULL",
        ...(paymentDetails ? { paymentDetails: encrypt(paymentDetails) } : {}),
        version: { increment: 1 },
      },
    });
    if (claimed.count !== 1) throw await staleInfluencerError(tx, ctx, id, version + 1);
    const after = await tx.influencerProfile.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, ctx, {
      action: "influencer.promote",
      model: "InfluencerProfile",
      recordId: id,
      display: after.displayName,
      before: { ...before, paymentDetails: before.paymentDetails ? "(set)" : null },
      after: { ...after, paymentDetails: after.paymentDetails ? "(set)" : null },
    });
    return toInfluencerView(after);
  });
}
