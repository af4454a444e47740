import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { encrypt } from "@/lib/crypto/encryption";
import { AppError } from "@/lib/errors";
import { toInfluencerView } from "./influencer-view";
import { updateInfluencerSchema } from "./schemas";
import { findScopedInfluencer, staleInfluencerError } from "./scope";

const FULL_REQUIRED = ["legalName", "email", "country"] as const;

/** Edits a profile. The caller names the version it read; a newer one refuses the save (optimistic locking). */
export async function updateInfluencer(ctx: AuthContext, id: string, raw: unknown) {
  const { version, paymentDetails, ...changes } = updateInfluencerSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await findScopedInfluencer(tx, ctx, id, "influencer.manage");
    if (before.version !== version) throw await staleInfluencerError(tx, ctx, id, before.version);
    // A FULL profile keeps its full set: an edit may change these fields, not empty them.
    if (before.profileType === "FULL") {
      const fields: Record<string, string> = {};
      for (const key of FULL_REQUIRED) if (changes[key] === null) fields[key] = "A full profile needs this field";
      if (changes.languages?.length === 0) fields.languages = "Add at least one language";
      if (changes.niches?.length === 0) fields.niches = "Add at least one niche";
      if (Object.keys(fields).length)
        throw new AppError("VALIDATION_FAILED", `Check ${Object.keys(fields).join(", ")}: a full profile needs them`, {
          fields,
        });
    }
    const claimed = await tx.influencerProfile.updateMany({
      where: { id, agencyId: ctx.agencyId, version },
      data: {
        ...changes,
        ...(paymentDetails === undefined ? {} : { paymentDetails: paymentDetails ? encrypt(paymentDetails) : null }),
        version: { increment: 1 },
      },
    });
    if (claimed.count !== 1) throw await staleInfluencerError(tx, ctx, id, version + 1);
    const after = await tx.influencerProfile.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, ctx, {
      action: changes.status && changes.status !== before.status ? "influencer.status" : "influencer.update",
      model: "InfluencerProfile",
      recordId: id,
      display: after.displayName,
      before: { ...before, paymentDetails: before.paymentDetails ? "(set)" : null },
      after: {
        ...after,
        paymentDetails:
          after.paymentDetails === before.paymentDetails
            ? after.paymentDetails
              ? "(set)"
              : null
            : after.paymentDetails
              ? "(changed)"
              : null,
      },
    });
    return toInfluencerView(after);
  });
}
