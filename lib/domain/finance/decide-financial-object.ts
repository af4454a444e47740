import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { addressedToCaller } from "@/lib/domain/approvals/scope";
import { getFinancialObject } from "./get-financial-object";
import { financeScope } from "./scope";
import { decideSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";

/**
 * Approves or rejects the object's current step, if it waits for the caller: finds the pending approval item
 * addressed to them and hands it to the approval engine (which runs the finance hooks: no self-approval, the
 * exact revision, the next step). Rejecting needs a reason.
 */
export async function decideFinancialObject(ctx: AuthContext, id: string, raw: unknown) {
  const scope = financeScope(ctx, "finance.read");
  if (!idSchema.safeParse(id).success) throw notFound("Financial object");
  const input = decideSchema.parse(raw);
  const object = await db.financialObject.findFirst({ where: { AND: [scope, { id }] }, select: { id: true } });
  if (!object) throw notFound("Financial object");
  const base = { agencyId: ctx.agencyId, subjectType: "FinancialObject", subjectId: id, status: "PENDING" as const };
  const mine = await db.approvalItem.findFirst({
    where: { AND: [addressedToCaller(ctx), base] },
    orderBy: { step: "desc" },
    select: { id: true, subjectVersion: true },
  });
  if (!mine) {
    const waiting = await db.approvalItem.findFirst({ where: base, select: { approverRole: true, step: true } });
    if (waiting)
      throw new AppError(
        "FORBIDDEN",
        `This step (${waiting.step}) waits for ${waiting.approverRole === "DIR" ? "a director" : waiting.approverRole === "CLIENT" ? "the client" : "finance"}, not for you`,
      );
    throw new AppError("CONFLICT", "Nothing of this object is waiting for approval");
  }
  // A decision taken on a revision that has since been replaced (the queue or the page was loaded before a
  // revision reopened the approval) must not land on the new one, which the decider has not seen.
  if (input.revision !== undefined && mine.subjectVersion !== input.revision) {
    throw new AppError(
      "CONFLICT",
      `This object was revised since you looked at it (now revision ${mine.subjectVersion}): open it and decide on the new revision`,
    );
  }
  await decideApproval(ctx, mine.id, { decision: input.decision, note: input.reason });
  return getFinancialObject(ctx, id);
}
