import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { setStatusSchema } from "./schemas";
import { updateInfluencer } from "./update-influencer";

/** ACTIVE / INACTIVE / BLOCKED, with the version read (audited as influencer.status). */
export async function setInfluencerStatus(ctx: AuthContext, id: string, raw: unknown) {
  return updateInfluencer(ctx, id, setStatusSchema.parse(raw));
}
