import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { reviewSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { SUBJECT_TYPE } from "./lifecycle";
import { artifactScope, viewerOf } from "./scope";

/**
 * The agency's internal review of one artifact version: decides its pending INTERNAL approval through the
 * approval engine (exactly one decision lands; the hook moves the task and records the ContentReview).
 */
export async function reviewArtifact(ctx: AuthContext, artifactId: string, raw: unknown) {
  if (viewerOf(ctx) !== "staff" || !can(ctx, "content.review"))
    throw new AppError("FORBIDDEN", "You do not have permission to do this");
  if (!idSchema.safeParse(artifactId).success) throw notFound("Artifact");
  const input = reviewSchema.parse(raw);
  const artifact = await db.contentArtifact.findFirst({
    where: { AND: [await artifactScope(ctx), { id: artifactId }] },
    select: { id: true },
  });
  if (!artifact) throw notFound("Artifact");
  const item = await db.approvalItem.findFirst({
    where: { agencyId: ctx.agencyId, subjectType: SUBJECT_TYPE, subjectId: artifactId, approverRole: null },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (!item) throw new AppError("CONFLICT", "This version has no internal review");
  return decideApproval(ctx, item.id, { decision: input.decision, note: input.note, conditions: input.conditions });
}
