import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addressedToCaller } from "@/lib/domain/approvals/scope";
import { artifactCommentSchema, ARTIFACT_TYPE_LABELS } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { SUBJECT_TYPE } from "./lifecycle";
import { artifactScope, viewerOf } from "./scope";

/**
 * A comment on one artifact version, optionally anchored ({ seconds } in a video, { x, y, w, h } of an image),
 * kept on the version's latest approval the caller may see: staff on the latest (internal or client stage;
 * `internal` hides it from the client), the client on the item addressed to them (never internal), the
 * influencer on the internal review (never internal).
 */
export async function commentOnArtifact(ctx: AuthContext, artifactId: string, raw: unknown) {
  const viewer = viewerOf(ctx);
  if (!idSchema.safeParse(artifactId).success) throw notFound("Artifact");
  const input = artifactCommentSchema.parse(raw);
  if (input.internal && viewer !== "staff")
    throw new AppError("VALIDATION_FAILED", "Check internal: only agency staff can write internal comments", {
      fields: { internal: "Only agency staff can write internal comments" },
    });
  return db.$transaction(async (tx) => {
    const artifact = await tx.contentArtifact.findFirst({
      where: { AND: [await artifactScope(ctx, tx), { id: artifactId }] },
      include: { task: { select: { title: true, campaignId: true } } },
    });
    if (!artifact) throw notFound("Artifact");
    const where: Prisma.ApprovalItemWhereInput =
      viewer === "client"
        ? {
            AND: [addressedToCaller(ctx), { subjectType: SUBJECT_TYPE, subjectId: artifactId, approverRole: "CLIENT" }],
          }
        : viewer === "creator"
          ? { agencyId: ctx.agencyId, subjectType: SUBJECT_TYPE, subjectId: artifactId, approverRole: null }
          : { agencyId: ctx.agencyId, subjectType: SUBJECT_TYPE, subjectId: artifactId };
    const item = await tx.approvalItem.findFirst({ where, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (!item) throw new AppError("CONFLICT", "This version has no review to comment on");
    const comment = await tx.approvalComment.create({
      data: {
        agencyId: ctx.agencyId,
        approvalId: item.id,
        authorId: ctx.userId,
        body: input.body,
        anchor: (input.anchor ?? undefined) as Prisma.InputJsonValue | undefined,
        internal: input.internal,
      },
    });
    await writeAudit(tx, ctx, {
      action: "content.comment",
      model: "ApprovalComment",
      recordId: comment.id,
      display: `${ARTIFACT_TYPE_LABELS[artifact.artifactType]} v${artifact.version} of "${artifact.task.title}"${input.internal ? " (internal)" : ""}`,
      parent: { model: "Campaign", id: artifact.task.campaignId },
      after: { body: comment.body, internal: comment.internal, anchor: comment.anchor },
    });
    return comment;
  });
}
