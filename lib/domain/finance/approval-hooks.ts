import "server-only";
import type { Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { ApprovalItem } from "@/lib/generated/prisma/client";
import type { SubjectHooks } from "@/lib/domain/approvals/subject-hooks";
import { loadCampaignFacts } from "@/lib/domain/campaigns/load-campaign-facts";
import { checkTransition } from "@/lib/domain/campaigns/status-machine";
import { applyTransition, transitionSubjectSelect } from "@/lib/domain/campaigns/transition-campaign";
import { linesInclude, openApprovalStep } from "./internal";
import { money } from "./money";
import { approvalChain } from "./policy";
import { TYPE_LABELS } from "./schemas";

const STEP_PERMISSION = { FIN: "finance.approve", DIR: "finance.approve.high", CLIENT: "approval.decide" } as const;

async function lockSubject(tx: Tx, item: ApprovalItem) {
  await tx.$queryRaw`SELECT id FROM "FinancialObject" WHERE id = ${item.subjectId}::uuid AND "agencyId" = ${item.agencyId}::uuid FOR UPDATE`;
  const object = await tx.financialObject.findFirst({
    where: { id: item.subjectId, agencyId: item.agencyId },
    include: linesInclude,
  });
  if (!object) throw new AppError("NOT_FOUND", "Financial object not found");
  return object;
}

/**
 * The finance side of the approval engine (SUBJECT_HOOKS["FinancialObject"]):
 * before: the approval must be for the current revision (409), the object still waiting (409), the caller
 * must hold the step's permission and must not have created, submitted or revised this revision (403);
 * after: an approval opens the next step of the chain or approves the object (an approved budget moves its
 * campaign out of budget review); a rejection rejects it; a change request sends it back to draft.
 */
export const financeApprovalHooks: SubjectHooks = {
  async beforeDecision(tx, ctx, item) {
    const object = await lockSubject(tx, item);
    if (item.subjectVersion !== object.revision) {
      throw new AppError(
        "CONFLICT",
        `This approval is for revision ${item.subjectVersion}, but the ${TYPE_LABELS[object.type].toLowerCase()} is now at revision ${object.revision}. Open the current one.`,
      );
    }
    if (object.status !== "SUBMITTED")
      throw new AppError(
        "CONFLICT",
        `This ${TYPE_LABELS[object.type].toLowerCase()} is no longer waiting for approval (it is ${object.status.toLowerCase()})`,
      );
    const role = item.approverRole as keyof typeof STEP_PERMISSION | null;
    const permission = role ? STEP_PERMISSION[role] : null;
    if (permission && !can(ctx, permission))
      throw new AppError("FORBIDDEN", "You do not have permission to approve this step");
    const revision = await tx.financialRevision.findUnique({
      where: { objectId_revision: { objectId: object.id, revision: object.revision } },
      select: { createdById: true },
    });
    const own = [object.createdById, object.submittedById, revision?.createdById].includes(ctx.userId);
    if (own)
      throw new AppError("FORBIDDEN", "You created, changed or submitted this revision: someone else must approve it");
  },

  async afterDecision(tx, ctx, decided) {
    const object = await lockSubject(tx, decided);
    const campaign = await tx.campaign.findUniqueOrThrow({
      where: { id: object.campaignId },
      select: { ...transitionSubjectSelect, clientId: true },
    });
    const label = `${TYPE_LABELS[object.type]} "${object.title}" r${object.revision}`;
    if (decided.status === "APPROVED" || decided.status === "APPROVED_WITH_CONDITIONS") {
      const chain = approvalChain(campaign, object);
      const next = decided.step + 1;
      await tx.financialObject.update({
        where: { id: object.id },
        data: {
          approvalStep: decided.step,
          ...(next > chain.length ? { status: "APPROVED" } : {}),
          version: { increment: 1 },
        },
      });
      await writeAudit(tx, ctx, {
        action: "finance.approve",
        model: "FinancialObject",
        recordId: object.id,
        display: `${label}: step ${decided.step} of ${chain.length} approved (${money(object.total)} ${object.currency})`,
        parent: { model: "Campaign", id: object.campaignId },
        before: { status: object.status, approvalStep: object.approvalStep },
        after: {
          status: next > chain.length ? "APPROVED" : object.status,
          approvalStep: decided.step,
          approvalId: decided.id,
        },
      });
      if (next <= chain.length) {
        // The engine delivers the next step's e-mails after the decision commits.
        const { emailIds } = await openApprovalStep(tx, ctx, { ...object, approvalStep: decided.step }, campaign, next);
        return emailIds;
      }
      if (object.type === "BUDGET" && campaign.status === "BUDGET_IN_REVIEW") {
        const facts = await loadCampaignFacts(tx, campaign);
        if (checkTransition(facts, "BUDGET_APPROVED").ok)
          await applyTransition(tx, ctx, campaign, "BUDGET_APPROVED", `Budget "${object.title}" approved`);
      }
      return;
    }
    if (decided.status === "REJECTED" || decided.status === "CHANGES_REQUESTED") {
      const status = decided.status === "REJECTED" ? "REJECTED" : "DRAFT";
      await tx.financialObject.update({ where: { id: object.id }, data: { status, version: { increment: 1 } } });
      await writeAudit(tx, ctx, {
        action: "finance.reject",
        model: "FinancialObject",
        recordId: object.id,
        display: `${label}: ${decided.status === "REJECTED" ? "rejected" : "changes requested"} at step ${decided.step}${decided.decisionNote ? `: ${decided.decisionNote}` : ""}`,
        parent: { model: "Campaign", id: object.campaignId },
        before: { status: object.status },
        after: { status, reason: decided.decisionNote, approvalId: decided.id },
      });
    }
  },
};
