import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { createStubSchema } from "./schemas";
import { duplicateHandleError, influencerScope } from "./scope";

/** A STUB profile in seconds: a display name and one handle. A handle already in the agency is a 409 on `handle`. */
export async function createStubInfluencer(ctx: AuthContext, raw: unknown) {
  const { agencyId } = influencerScope(ctx, "influencer.manage");
  const input = createStubSchema.parse(raw);
  const followers = input.followers ?? 0;
  try {
    return await db.$transaction(async (tx) => {
      const profile = await tx.influencerProfile.create({
        data: {
          agencyId,
          displayName: input.displayName,
          profileType: "STUB",
          totalFollowers: followers,
          topEngagement: input.engagementRate,
          socialAccounts: {
            create: {
              agencyId,
              platform: input.platform,
              handle: input.handle,
              followers,
              engagementRate: input.engagementRate,
            },
          },
        },
      });
      await writeAudit(tx, ctx, {
        action: "influencer.create",
        model: "InfluencerProfile",
        recordId: profile.id,
        display: profile.displayName,
        after: {
          displayName: profile.displayName,
          profileType: profile.profileType,
          platform: input.platform,
          handle: input.handle,
        },
      });
      return profile;
    });
  } catch (error) {
    throw duplicateHandleError(error, input.handle, input.platform);
  }
}
