import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import { supersedePendingApprovals } from "@/lib/domain/approvals/supersede-pending";
import { linesInclude, lineRows, lockObject, totalsOfInput, writeRevision } from "./internal";
import { money } from "./money";
import { approvalTypeOf } from "./policy";
import { financeScope } from "./scope";
import { reviseFinancialObjectSchema, TYPE_LABELS } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { startApproval } from "./submit-financial-object";
import { toFinancialObjectView } from "./view";

/** Statuses in which an object may still change; issued, paid and void ones are fixed (void and re-create instead). */
export const REVISABLE_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"] as const;

/**
 * Changes an object: a new revision with a full snapshot, the reason and who. Pending approvals of the old
 * revision are superseded. Approval reopens: an object that was SUBMITTED or APPROVED goes back to SUBMITTED
 * with a fresh chain from step 1 (the reviser is its submitter, so cannot approve it); a REJECTED one goes
 * back to DRAFT to be sent again; a DRAFT stays a draft.
 */
export async function reviseFinancialObject(ctx: AuthContext, id: string, raw: unknown) {
  const scope = financeScope(ctx, "finance.manage");
  if (!idSchema.safeParse(id).success) throw notFound("Financial object");
  const input = reviseFinancialObjectSchema.parse(raw);
  const { view, emailIds } = await db.$transaction(async (tx) => {
    const object = await lockObject(tx, ctx, id, scope);
    if (object.version !== input.version)
      throw new AppError(
        "STALE_VERSION",
        "Someone changed this since you opened it. Reload to see their changes, then revise again.",
      );
    if (
      !(REVISABLE_STATUSES as readonly string[]).includes(object.status) ||
      object.type === "PAYMENT" ||
      object.type === "PAYOUT"
    ) {
      throw new AppError(
        "CONFLICT",
        `A ${object.status.toLowerCase()} ${TYPE_LABELS[object.type].toLowerCase()} cannot change: void it and create a new one`,
      );
    }
    const revision = object.revision + 1;
    const totals = input.lines ? totalsOfInput(input.lines) : null;
    const nextStatus = object.status === "REJECTED" ? "DRAFT" : object.status === "DRAFT" ? "DRAFT" : "SUBMITTED";
    if (input.lines) await tx.financialLine.deleteMany({ where: { objectId: id } });
    const updated = await tx.financialObject.update({
      where: { id },
      data: {
        revision,
        version: { increment: 1 },
        status: nextStatus === "SUBMITTED" ? "DRAFT" : nextStatus,
        approvalStep: 0,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.externalRef !== undefined ? { externalRef: input.externalRef } : {}),
        ...(input.internalNotes !== undefined ? { internalNotes: input.internalNotes } : {}),
        ...(input.dueDate !== undefined
          ? { dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null }
          : {}),
        ...(totals ? { subtotal: totals.subtotal, taxAmount: totals.taxAmount, total: totals.total } : {}),
        ...(input.lines ? { lines: { create: lineRows(ctx.agencyId, input.lines) } } : {}),
      },
      include: linesInclude,
    });
    await writeRevision(tx, ctx, updated, input.reason);
    const superseded = await supersedePendingApprovals(tx, ctx, {
      campaignId: object.campaignId,
      type: approvalTypeOf(object.type),
      subjectId: id,
      newVersion: revision,
    });
    let emailIds: string[] = [];
    let final = updated;
    if (nextStatus === "SUBMITTED") {
      const started = await startApproval(tx, ctx, updated);
      emailIds = started.emailIds;
      final = started.submitted;
    }
    await writeAudit(tx, ctx, {
      action: "finance.revise",
      model: "FinancialObject",
      recordId: id,
      display: `${TYPE_LABELS[object.type]} "${updated.title}" r${object.revision} → r${revision}: ${input.reason}`,
      parent: { model: "Campaign", id: object.campaignId },
      before: {
        revision: object.revision,
        status: object.status,
        title: object.title,
        total: money(object.total),
        lines: object.lines.length,
      },
      after: {
        revision,
        status: final.status,
        title: updated.title,
        total: money(updated.total),
        lines: updated.lines.length,
        reason: input.reason,
        superseded: superseded.length,
      },
    });
    return { view: toFinancialObjectView(final, ctx), emailIds };
  });
  await deliverEmails(emailIds);
  return view;
}
