import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import { loadCampaignFacts } from "@/lib/domain/campaigns/load-campaign-facts";
import { checkTransition } from "@/lib/domain/campaigns/status-machine";
import { applyTransition, transitionSubjectSelect } from "@/lib/domain/campaigns/transition-campaign";
import { lockObject, openApprovalStep, type ObjectWithLines } from "./internal";
import { money } from "./money";
import { APPROVABLE_TYPES } from "./policy";
import { financeScope } from "./scope";
import { submitSchema, TYPE_LABELS } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { toFinancialObjectView } from "./view";

/** Opens the chain for the object's current revision: status SUBMITTED, step 1 pending. Returns e-mails to send. */
export async function startApproval(tx: Tx, ctx: AuthContext, object: ObjectWithLines) {
  const campaign = await tx.campaign.findUniqueOrThrow({
    where: { id: object.campaignId },
    select: { ...transitionSubjectSelect, clientId: true, policy: true },
  });
  const submitted = await tx.financialObject.update({
    where: { id: object.id },
    data: { status: "SUBMITTED", submittedById: ctx.userId, approvalStep: 0, version: { increment: 1 } },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  const { emailIds, chain } = await openApprovalStep(tx, ctx, submitted, campaign, 1);
  // Sending the budget puts an approved shortlist's campaign into budget review.
  if (object.type === "BUDGET" && campaign.status === "SHORTLIST_APPROVED") {
    const facts = await loadCampaignFacts(tx, campaign);
    if (checkTransition(facts, "BUDGET_IN_REVIEW").ok)
      await applyTransition(tx, ctx, campaign, "BUDGET_IN_REVIEW", "Budget sent for approval");
  }
  return { submitted, emailIds, chain };
}

/** Sends a draft (or a submitted object whose approval expired) for approval along the policy's chain. */
export async function submitFinancialObject(ctx: AuthContext, id: string, raw: unknown = {}) {
  const scope = financeScope(ctx, "finance.manage");
  if (!idSchema.safeParse(id).success) throw notFound("Financial object");
  submitSchema.parse(raw ?? {});
  const { view, emailIds } = await db.$transaction(async (tx) => {
    const object = await lockObject(tx, ctx, id, scope);
    if (!APPROVABLE_TYPES.includes(object.type))
      throw new AppError("CONFLICT", `A ${TYPE_LABELS[object.type].toLowerCase()} is not sent for approval`);
    const pending = await tx.approvalItem.count({
      where: { agencyId: ctx.agencyId, subjectType: "FinancialObject", subjectId: id, status: "PENDING" },
    });
    if (object.status === "SUBMITTED" && pending)
      throw new AppError("CONFLICT", "This revision is already waiting for approval");
    if (object.status !== "DRAFT" && object.status !== "SUBMITTED") {
      throw new AppError(
        "CONFLICT",
        `Only a draft can be sent for approval (this one is ${object.status.toLowerCase()}${object.status === "REJECTED" ? ": revise it first" : ""})`,
      );
    }
    const { submitted, emailIds, chain } = await startApproval(tx, ctx, object);
    await writeAudit(tx, ctx, {
      action: "finance.submit",
      model: "FinancialObject",
      recordId: id,
      display: `${TYPE_LABELS[object.type]} "${object.title}" r${object.revision} (${money(object.total)} ${object.currency}): ${chain.map((s) => s.label).join(" → ")}`,
      parent: { model: "Campaign", id: object.campaignId },
      before: { status: object.status },
      after: { status: "SUBMITTED", steps: chain.map((s) => s.role) },
    });
    return { view: toFinancialObjectView(submitted, ctx), emailIds };
  });
  await deliverEmails(emailIds);
  return view;
}
