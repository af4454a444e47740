import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import type { FinancialLine, FinancialObject, Prisma } from "@/lib/generated/prisma/client";
import { addDays, approvalPolicy } from "@/lib/domain/approvals/policy";
import { notifyUsers, usersHoldingRole } from "@/lib/domain/notifications/notify";
import { lineAmounts, money, totalsOf } from "./money";
import { approvalChain, approvalTypeOf, type ChainStep } from "./policy";
import { TYPE_LABELS, type LineInput } from "./schemas";
import type { RevisionSnapshot } from "./view-types";

export type ObjectWithLines = FinancialObject & { lines: FinancialLine[] };

export const linesInclude = {
  lines: { orderBy: { position: "asc" } },
} as const satisfies Prisma.FinancialObjectInclude;

/**
 * Locks the object's row for the rest of the transaction, then reads it within the caller's scope: of two
 * changes at once the second waits and sees the first. Not in scope → 404.
 */
export async function lockObject(
  tx: Tx,
  ctx: AuthContext,
  id: string,
  scope: Prisma.FinancialObjectWhereInput,
): Promise<ObjectWithLines> {
  await tx.$queryRaw`SELECT id FROM "FinancialObject" WHERE id = ${id}::uuid AND "agencyId" = ${ctx.agencyId}::uuid FOR UPDATE`;
  const object = await tx.financialObject.findFirst({ where: { AND: [scope, { id }] }, include: linesInclude });
  if (!object) throw notFound("Financial object");
  return object;
}

/** Line rows to create from validated input, with their rounded amounts. */
export function lineRows(agencyId: string, lines: readonly LineInput[]) {
  return lines.map((line, i) => ({
    agencyId,
    position: i + 1,
    category: line.category,
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    taxRate: line.taxRate,
    amount: lineAmounts(line).amount,
  }));
}

export function totalsOfInput(lines: readonly LineInput[]) {
  return totalsOf(lines);
}

export type { RevisionSnapshot };

export function snapshotOf(object: ObjectWithLines): RevisionSnapshot {
  return {
    revision: object.revision,
    type: object.type,
    title: object.title,
    currency: object.currency,
    subtotal: money(object.subtotal),
    taxAmount: money(object.taxAmount),
    total: money(object.total),
    externalRef: object.externalRef,
    dueDate: object.dueDate?.toISOString().slice(0, 10) ?? null,
    internalNotes: object.internalNotes,
    lines: object.lines.map((l) => ({
      position: l.position,
      category: l.category,
      description: l.description,
      quantity: l.quantity.toString(),
      unitPrice: money(l.unitPrice),
      taxRate: l.taxRate.toFixed(2),
      amount: money(l.amount),
    })),
  };
}

/** What an approver sees: the snapshot without the agency-internal notes (client approvers see it too). */
export function approvalSnapshot(object: ObjectWithLines): Prisma.InputJsonValue {
  const snapshot: Partial<RevisionSnapshot> = { ...snapshotOf(object) };
  delete snapshot.internalNotes;
  return snapshot as unknown as Prisma.InputJsonValue;
}

export async function writeRevision(tx: Tx, ctx: AuthContext, object: ObjectWithLines, reason: string) {
  await tx.financialRevision.create({
    data: {
      agencyId: ctx.agencyId,
      objectId: object.id,
      revision: object.revision,
      snapshot: snapshotOf(object) as unknown as Prisma.InputJsonValue,
      reason,
      createdById: ctx.userId,
    },
  });
}

export function financeLink(objectId: string, recipient: { isClient: boolean }): string {
  return recipient.isClient ? `/client/finance/${objectId}` : `/finance/objects/${objectId}`;
}

/**
 * Opens approval step `step` of the object's current revision (an ApprovalItem addressed per the chain),
 * notifies its approvers, and returns the e-mail ids to deliver after commit.
 */
export async function openApprovalStep(
  tx: Tx,
  ctx: AuthContext,
  object: ObjectWithLines,
  campaign: { id: string; name: string; clientId: string; policy: unknown },
  step: number,
): Promise<{ item: { id: string }; chain: ChainStep[]; emailIds: string[] }> {
  const chain = approvalChain(campaign, object);
  const current = chain[step - 1];
  if (!current) throw new AppError("INTERNAL", `No approval step ${step}`);
  const policy = approvalPolicy(campaign.policy as Prisma.JsonValue);
  const now = new Date();
  const item = await tx.approvalItem.create({
    data: {
      agencyId: ctx.agencyId,
      campaignId: campaign.id,
      type: approvalTypeOf(object.type),
      subjectType: "FinancialObject",
      subjectId: object.id,
      subjectVersion: object.revision,
      subjectSnapshot: approvalSnapshot(object),
      ...current.approver,
      step,
      requestedById: object.submittedById ?? ctx.userId,
      dueAt: addDays(now, policy.dueDays),
      expiresAt: addDays(now, policy.expiryDays),
    },
    select: { id: true },
  });
  if (current.role === "CLIENT" && !object.sentToClientAt) {
    await tx.financialObject.update({ where: { id: object.id }, data: { sentToClientAt: now } });
  }
  await writeAudit(tx, ctx, {
    action: "approval.request",
    model: "ApprovalItem",
    recordId: item.id,
    display: `${TYPE_LABELS[object.type]} "${object.title}" r${object.revision}, step ${step} (${current.label})`,
    parent: { model: "Campaign", id: campaign.id },
    after: {
      subjectType: "FinancialObject",
      subjectId: object.id,
      subjectVersion: object.revision,
      step,
      approverRole: current.role,
    },
  });
  const recipients = (
    await usersHoldingRole(tx, ctx.agencyId, {
      role: current.role,
      scopeType: current.approver.approverScopeType!,
      scopeId: current.approver.approverScopeId,
      permission: current.permission,
    })
  ).filter((r) => r.id !== ctx.userId);
  const emailIds = await notifyUsers(tx, ctx.agencyId, recipients, (r) => ({
    type: "finance.approval.requested",
    title: `${TYPE_LABELS[object.type]} "${object.title}" (${money(object.total)} ${object.currency}) waits for your approval`,
    body: `Campaign "${campaign.name}", revision ${object.revision}, step ${step} of ${chain.length}.`,
    link: r.isClient ? `/client/approvals/${item.id}` : financeLink(object.id, r),
  }));
  return { item, chain, emailIds };
}
