import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArtifactType } from "@/lib/generated/prisma/enums";
import { loadRecipients, notifyUsers } from "@/lib/domain/notifications/notify";
import type { StoredFile } from "@/lib/storage";
import { kindOfMime, type FileKind } from "@/lib/storage/file-types";
import { ARTIFACT_TYPE_LABELS, UPLOADABLE_STATUSES, uploadFieldsSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { lockTask, openReview, supersedeTaskType, taskLink } from "./lifecycle";
import { taskScope, viewerOf } from "./scope";

/** Which kinds of file each artifact type takes (scripts and captions are mostly text; a PDF script is fine). */
export const ACCEPTED_KINDS: Record<ArtifactType, readonly FileKind[]> = {
  SCRIPT: ["document"],
  CAPTION: ["document"],
  DRAFT: ["video", "image", "document"],
  FINAL: ["video", "image", "document"],
  THUMBNAIL: ["image"],
};

export type UploadInput = { artifactType: unknown; text?: unknown; note?: unknown; file?: StoredFile | null };

/**
 * The influencer uploads version n+1 of one artifact type of their task (a file already in the storage
 * and/or a text). Never replaces anything: the task row is locked, the next number is max+1 (the unique
 * index is the last line of defence), the pending approvals of the older versions are superseded and a new
 * internal review is opened for this exact version.
 */
export async function uploadArtifact(ctx: AuthContext, taskId: string, raw: UploadInput) {
  if (viewerOf(ctx) !== "creator") throw new AppError("FORBIDDEN", "Only the influencer of the task uploads versions");
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const input = uploadFieldsSchema.parse({ artifactType: raw.artifactType, text: raw.text, note: raw.note });
  const file = raw.file ?? null;
  if (!file && !input.text)
    throw new AppError("VALIDATION_FAILED", "Check file: upload a file or write the text", {
      fields: { file: "Upload a file or write the text" },
    });
  if (file) {
    const kind = kindOfMime(file.mime);
    if (!kind || !ACCEPTED_KINDS[input.artifactType].includes(kind)) {
      throw new AppError(
        "UNPROCESSABLE",
        `Check file: a ${ARTIFACT_TYPE_LABELS[input.artifactType].toLowerCase()} cannot be a ${file.mime} file`,
        { fields: { file: "Not accepted for this artifact type" } },
      );
    }
  }
  const attempt = () =>
    db.$transaction(
      async (tx) => {
        const scope = await taskScope(ctx, tx);
        const found = await tx.contentTask.findFirst({ where: { AND: [scope, { id: taskId }] }, select: { id: true } });
        if (!found) throw notFound("Content task");
        await lockTask(tx, ctx.agencyId, taskId);
        const task = await tx.contentTask.findUniqueOrThrow({
          where: { id: taskId },
          include: { campaign: { select: { id: true, name: true, clientId: true, ownerId: true, policy: true } } },
        });
        if (!(UPLOADABLE_STATUSES as readonly string[]).includes(task.status)) {
          const why =
            task.status === "OFFERED"
              ? "accept the task first"
              : `the task is ${task.status.toLowerCase().replace(/_/g, " ")}`;
          throw new AppError("CONFLICT", `No new versions can be uploaded: ${why}`);
        }
        const previous = await tx.contentArtifact.findFirst({
          where: { agencyId: ctx.agencyId, taskId, artifactType: input.artifactType },
          orderBy: { version: "desc" },
          select: { id: true, version: true },
        });
        const version = (previous?.version ?? 0) + 1;
        const artifact = await tx.contentArtifact.create({
          data: {
            agencyId: ctx.agencyId,
            taskId,
            artifactType: input.artifactType,
            version,
            fileHash: file?.hash ?? null,
            fileName: file?.name ?? null,
            mimeType: file?.mime ?? null,
            sizeBytes: file ? BigInt(file.size) : null,
            text: input.text,
            note: input.note,
            supersedesId: previous?.id ?? null,
            uploadedById: ctx.userId,
          },
        });
        const superseded = await supersedeTaskType(tx, ctx, task, input.artifactType, version);
        const review = await openReview(tx, ctx, task.campaign, task, artifact, "INTERNAL");
        if (superseded.length)
          await tx.approvalItem.updateMany({ where: { id: { in: superseded } }, data: { supersededById: review.id } });
        if (task.status !== "SUBMITTED")
          await tx.contentTask.update({
            where: { id: taskId },
            data: { status: "SUBMITTED", version: { increment: 1 } },
          });
        const label = `${ARTIFACT_TYPE_LABELS[input.artifactType]} v${version}`;
        await writeAudit(tx, ctx, {
          action: "content.upload",
          model: "ContentArtifact",
          recordId: artifact.id,
          display: `${label} of "${task.title}"`,
          parent: { model: "Campaign", id: task.campaignId },
          after: {
            taskId,
            artifactType: artifact.artifactType,
            version,
            fileHash: artifact.fileHash,
            mimeType: artifact.mimeType,
            sizeBytes: artifact.sizeBytes?.toString() ?? null,
            hasText: artifact.text !== null,
            status: "SUBMITTED",
          },
        });
        const reviewers = await loadRecipients(tx, ctx.agencyId, [task.campaign.ownerId]);
        const emailIds = await notifyUsers(tx, ctx.agencyId, reviewers, () => ({
          type: "content.submitted",
          title: `${ctx.name} uploaded ${label} of "${task.title}" (${task.campaign.name})`,
          body: input.note ? `Note: ${input.note}` : null,
          link: taskLink(taskId, task.campaignId, "staff"),
        }));
        return { artifact, approvalId: review.id, superseded, emailIds };
        // Uploads of one task wait for each other on the row lock: the timeout counts that wait.
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  let result;
  try {
    result = await attempt();
  } catch (error) {
    // Two uploads that raced past the lock (they cannot, but the unique index decides if they did): retry once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") result = await attempt();
    else throw error;
  }
  await deliverEmails(result.emailIds);
  return {
    ...result.artifact,
    sizeBytes: result.artifact.sizeBytes === null ? null : Number(result.artifact.sizeBytes),
    approvalId: result.approvalId,
    superseded: result.superseded,
  };
}

/**
 * Checked before the upload's body is read, so that a caller who may not upload to the task never puts a
 * byte on disk: the caller is the task's influencer and the task takes new versions now.
 */
export async function assertCanUpload(ctx: AuthContext, taskId: string) {
  if (viewerOf(ctx) !== "creator") throw new AppError("FORBIDDEN", "Only the influencer of the task uploads versions");
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const task = await db.contentTask.findFirst({
    where: { AND: [await taskScope(ctx), { id: taskId }] },
    select: { status: true },
  });
  if (!task) throw notFound("Content task");
  if (!(UPLOADABLE_STATUSES as readonly string[]).includes(task.status)) {
    const why =
      task.status === "OFFERED"
        ? "accept the task first"
        : `the task is ${task.status.toLowerCase().replace(/_/g, " ")}`;
    throw new AppError("CONFLICT", `No new versions can be uploaded: ${why}`);
  }
}
