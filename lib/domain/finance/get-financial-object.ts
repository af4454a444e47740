import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { addressedToCaller } from "@/lib/domain/approvals/scope";
import { linesInclude } from "./internal";
import { approvalChain, APPROVABLE_TYPES } from "./policy";
import { financeScope, isFinanceStaff } from "./scope";
import { idSchema } from "@/lib/domain/id";
import { toFinancialObjectView } from "./view";
import type { ApprovalStepView, FinancialObjectDetail } from "./view-types";

export type { ApprovalStepView, FinancialObjectDetail };

/** One object with its lines, history, approval chain, payments and what the caller may do next. */
export async function getFinancialObject(ctx: AuthContext, id: string): Promise<FinancialObjectDetail> {
  const scope = financeScope(ctx, "finance.read");
  if (!idSchema.safeParse(id).success) throw notFound("Financial object");
  const object = await db.financialObject.findFirst({
    where: { AND: [scope, { id }] },
    include: {
      ...linesInclude,
      campaign: { select: { id: true, name: true, clientId: true, policy: true, client: { select: { name: true } } } },
    },
  });
  if (!object) throw notFound("Financial object");
  const staff = isFinanceStaff(ctx);
  const [revisions, items, children, influencer, mine] = await Promise.all([
    staff
      ? db.financialRevision.findMany({
          where: { objectId: id, agencyId: ctx.agencyId },
          orderBy: { revision: "asc" },
          select: { revision: true, reason: true, createdById: true, createdAt: true },
        })
      : [],
    db.approvalItem.findMany({
      where: { agencyId: ctx.agencyId, subjectType: "FinancialObject", subjectId: id, subjectVersion: object.revision },
      orderBy: [{ step: "asc" }, { createdAt: "desc" }],
    }),
    db.financialObject.findMany({ where: { AND: [scope, { parentId: id }] }, orderBy: { createdAt: "asc" } }),
    object.influencerId && staff
      ? db.influencerProfile.findFirst({
          where: { id: object.influencerId, agencyId: ctx.agencyId },
          select: { id: true, displayName: true },
        })
      : null,
    db.approvalItem.count({
      where: {
        AND: [
          addressedToCaller(ctx),
          { subjectType: "FinancialObject", subjectId: id, status: "PENDING", subjectVersion: object.revision },
        ],
      },
    }),
  ]);
  const userIds = [
    ...new Set(
      [...revisions.map((r) => r.createdById), ...items.map((i) => i.decidedById)].filter((v): v is string =>
        Boolean(v),
      ),
    ),
  ];
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: userIds }, agencyId: ctx.agencyId },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const chain = APPROVABLE_TYPES.includes(object.type) ? approvalChain(object.campaign, object) : [];
  const approvals: ApprovalStepView[] = chain
    .filter((s) => staff || s.role === "CLIENT")
    .map((s) => {
      const item = items.find((i) => i.step === s.step && i.status !== "SUPERSEDED");
      return {
        step: s.step,
        role: s.role,
        label: s.label,
        status: item?.status ?? "PLANNED",
        approvalId: item?.id ?? null,
        decidedBy: item?.decidedById ? (users.get(item.decidedById) ?? null) : null,
        decidedAt: item?.decidedAt?.toISOString() ?? null,
        note: item?.decisionNote ?? null,
      };
    });
  const manage = staff && can(ctx, "finance.manage");
  const issue = staff && can(ctx, "finance.issue");
  const o = object;
  return {
    object: toFinancialObjectView(o, ctx),
    campaign: { id: o.campaign.id, name: o.campaign.name, clientName: o.campaign.client.name },
    influencer: influencer ? { id: influencer.id, name: influencer.displayName } : null,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      reason: r.reason,
      createdBy: r.createdById ? (users.get(r.createdById) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
    })),
    approvals,
    children: children.map((c) => toFinancialObjectView(c, ctx)),
    can: {
      revise:
        manage &&
        ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED"].includes(o.status) &&
        APPROVABLE_TYPES.includes(o.type),
      submit: manage && o.status === "DRAFT" && APPROVABLE_TYPES.includes(o.type),
      decide: mine > 0 && o.status === "SUBMITTED" && ![o.createdById, o.submittedById].includes(ctx.userId),
      issue: issue && o.type === "CLIENT_INVOICE" && o.status === "APPROVED",
      pay: issue && o.type === "CLIENT_INVOICE" && o.status === "ISSUED",
      void: issue && o.status !== "VOID" && o.status !== "PAID" && o.paidAmount.isZero(),
      schedulePayout: issue && o.type === "INFLUENCER_INVOICE" && o.status === "APPROVED",
      markSent: issue && o.type === "PAYOUT" && o.status === "APPROVED",
      markPayoutsSent: issue && o.type === "INFLUENCER_INVOICE",
      downloadPdf: o.type === "CLIENT_INVOICE" && o.number !== null,
    },
  };
}
