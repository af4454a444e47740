import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createFinancialObject } from "@/lib/domain/finance/create-financial-object";
import { decideFinancialObject } from "@/lib/domain/finance/decide-financial-object";
import { getFinancialObject } from "@/lib/domain/finance/get-financial-object";
import { reviseFinancialObject } from "@/lib/domain/finance/revise-financial-object";
import { submitFinancialObject } from "@/lib/domain/finance/submit-financial-object";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { expectAppError } from "../setup/factories";
import { createFinanceWorld, line } from "../setup/finance-fixtures";

// Approval chains of financial objects from the campaign policy, self-approval, revisions and reopened approval.

let w: Awaited<ReturnType<typeof createFinanceWorld>>;
beforeAll(async () => {
  w = await createFinanceWorld("FinApprovals");
});

const pendingSteps = (id: string) =>
  db.approvalItem.findMany({
    where: { subjectType: "FinancialObject", subjectId: id },
    orderBy: [{ subjectVersion: "asc" }, { step: "asc" }],
    select: { step: true, status: true, approverRole: true, subjectVersion: true, type: true },
  });

describe("approval chain by threshold", () => {
  it("at or below the threshold: FIN alone approves", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const po = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "PURCHASE_ORDER",
      title: "Studio",
      lines: [line("10000.00")],
    });
    await submitFinancialObject(w.cm.ctx, po.id);
    expect(await pendingSteps(po.id)).toEqual([
      { step: 1, status: "PENDING", approverRole: "FIN", subjectVersion: 1, type: "FINANCE" },
    ]);
    const after = await decideFinancialObject(w.fin.ctx, po.id, { decision: "APPROVED" });
    expect(after.object.status).toBe("APPROVED");
    expect(after.object.approvalStep).toBe(1);
    expect(await pendingSteps(po.id)).toEqual([
      { step: 1, status: "APPROVED", approverRole: "FIN", subjectVersion: 1, type: "FINANCE" },
    ]);
    expect(await db.auditLog.count({ where: { action: "finance.approve", recordId: po.id } })).toBe(1);
  });

  it("above the threshold: FIN then DIR; the approved budget moves the campaign to BUDGET_APPROVED", async () => {
    const c = await w.campaign({ status: "BUDGET_IN_REVIEW" });
    const budget = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "BUDGET",
      title: "Budget",
      lines: [line("8000.00", { category: "INFLUENCER_FEES" }), line("2000.01", { category: "PRODUCTION" })],
    });
    expect(budget.total).toBe("10000.01");
    await submitFinancialObject(w.cm.ctx, budget.id);
    await expectAppError(decideFinancialObject(w.dir.ctx, budget.id, { decision: "APPROVED" }), "FORBIDDEN");
    const afterFin = await decideFinancialObject(w.fin.ctx, budget.id, { decision: "APPROVED" });
    expect(afterFin.object.status).toBe("SUBMITTED");
    expect(afterFin.approvals.map((a) => [a.role, a.status])).toEqual([
      ["FIN", "APPROVED"],
      ["DIR", "PENDING"],
    ]);
    await expectAppError(decideFinancialObject(w.fin2.ctx, budget.id, { decision: "APPROVED" }), "FORBIDDEN");
    const afterDir = await decideFinancialObject(w.dir.ctx, budget.id, { decision: "APPROVED" });
    expect(afterDir.object.status).toBe("APPROVED");
    expect((await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("BUDGET_APPROVED");
  });

  it("a lower policy threshold sends a small quote to DIR, then to the client; rejection needs a reason", async () => {
    const c = await w.campaign({ status: "SOURCING", policy: { financeThreshold: "100.00" } });
    const quote = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "QUOTE",
      title: "Quote",
      lines: [line("150.00", { taxRate: "20" })],
    });
    expect([quote.subtotal, quote.taxAmount, quote.total]).toEqual(["150.00", "30.00", "180.00"]);
    await submitFinancialObject(w.cm.ctx, quote.id);
    await decideFinancialObject(w.fin.ctx, quote.id, { decision: "APPROVED" });
    await decideFinancialObject(w.dir.ctx, quote.id, { decision: "APPROVED" });
    // The client sees it now, the other client does not.
    await expectAppError(getFinancialObject(w.clientUserTwo.ctx, quote.id), "NOT_FOUND");
    const seen = await getFinancialObject(w.clientUser.ctx, quote.id);
    expect(seen.object).not.toHaveProperty("internalNotes");
    expect(seen.approvals.map((a) => a.role)).toEqual(["CLIENT"]);
    await expectAppError(
      decideFinancialObject(w.clientUser.ctx, quote.id, { decision: "REJECTED" }),
      "VALIDATION_FAILED",
    );
    const rejected = await decideFinancialObject(w.clientUser.ctx, quote.id, {
      decision: "REJECTED",
      reason: "Too expensive",
    });
    expect(rejected.object.status).toBe("REJECTED");
  });
});

describe("who may approve", () => {
  it("nobody approves what they created or submitted (403 with a clear message)", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const expense = await createFinancialObject(w.fin.ctx, {
      campaignId: c.id,
      type: "EXPENSE",
      title: "Taxi",
      lines: [line("40.00")],
    });
    await submitFinancialObject(w.fin.ctx, expense.id);
    const error = await expectAppError(
      decideFinancialObject(w.fin.ctx, expense.id, { decision: "APPROVED" }),
      "FORBIDDEN",
    );
    expect(error.message).toMatch(/someone else must approve/);
    expect((await decideFinancialObject(w.fin2.ctx, expense.id, { decision: "APPROVED" })).object.status).toBe(
      "APPROVED",
    );
  });

  it("a CM cannot approve; another agency does not find the object", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const po = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "PURCHASE_ORDER",
      title: "PO",
      lines: [line("10.00")],
    });
    await submitFinancialObject(w.cm.ctx, po.id);
    await expectAppError(decideFinancialObject(w.cm2.ctx, po.id, { decision: "APPROVED" }), "NOT_FOUND");
    await expectAppError(decideFinancialObject(w.foreignFin.ctx, po.id, { decision: "APPROVED" }), "NOT_FOUND");
    await expectAppError(getFinancialObject(w.foreignCm.ctx, po.id), "NOT_FOUND");
  });
});

describe("revisions", () => {
  it("changing an approved object makes a revision with a snapshot, supersedes and reopens approval; a stale approval is refused", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const po = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "PURCHASE_ORDER",
      title: "PO",
      lines: [line("500.00")],
    });
    let view = await submitFinancialObject(w.cm.ctx, po.id);
    const first = await db.approvalItem.findFirstOrThrow({ where: { subjectId: po.id, status: "PENDING" } });
    // Revised while pending: the pending item is superseded, a new one opens for revision 2.
    view = await reviseFinancialObject(w.dir.ctx, po.id, {
      version: view.version,
      reason: "Extra day",
      lines: [line("500.00"), line("250.00")],
    });
    expect(view).toMatchObject({ revision: 2, status: "SUBMITTED", total: "750.00" });
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("SUPERSEDED");
    await expectAppError(decideApproval(w.fin.ctx, first.id, { decision: "APPROVED" }), "CONFLICT");
    const approved = await decideFinancialObject(w.fin.ctx, po.id, { decision: "APPROVED" });
    expect(approved.object.status).toBe("APPROVED");
    // Changing the approved object reopens approval.
    const reopened = await reviseFinancialObject(w.cm.ctx, po.id, {
      version: approved.object.version,
      reason: "Price agreed lower",
      lines: [line("700.00")],
    });
    expect(reopened).toMatchObject({ revision: 3, status: "SUBMITTED", total: "700.00", approvalStep: 0 });
    expect((await pendingSteps(po.id)).filter((s) => s.status === "PENDING")).toEqual([
      { step: 1, status: "PENDING", approverRole: "FIN", subjectVersion: 3, type: "FINANCE" },
    ]);
    const revisions = await db.financialRevision.findMany({ where: { objectId: po.id }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => [r.revision, r.reason, (r.snapshot as { total: string }).total])).toEqual([
      [1, "Created", "500.00"],
      [2, "Extra day", "750.00"],
      [3, "Price agreed lower", "700.00"],
    ]);
    await expectAppError(
      reviseFinancialObject(w.cm.ctx, po.id, {
        version: approved.object.version,
        reason: "stale",
        lines: [line("1.00")],
      }),
      "STALE_VERSION",
    );
    await expectAppError(
      reviseFinancialObject(w.cm.ctx, po.id, { version: reopened.version, reason: "" }),
      "VALIDATION_FAILED",
    );
  });

  it("a decision made on a revision that has since been replaced does not land on the new one", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const po = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "PURCHASE_ORDER",
      title: "PO seen",
      lines: [line("400.00")],
    });
    const submitted = await submitFinancialObject(w.cm.ctx, po.id);
    // Finance loads the queue at revision 1; the manager revises before the click lands.
    await reviseFinancialObject(w.cm.ctx, po.id, {
      version: submitted.version,
      reason: "Scope grew",
      lines: [line("900.00")],
    });
    const error = await expectAppError(
      decideFinancialObject(w.fin.ctx, po.id, { decision: "APPROVED", revision: 1 }),
      "CONFLICT",
    );
    expect(error.message).toContain("revision 2");
    expect((await pendingSteps(po.id)).filter((s) => s.status === "PENDING")).toEqual([
      { step: 1, status: "PENDING", approverRole: "FIN", subjectVersion: 2, type: "FINANCE" },
    ]);
    await expectAppError(
      decideFinancialObject(w.fin.ctx, po.id, { decision: "APPROVED", revision: "two" }),
      "VALIDATION_FAILED",
    );
    // A number as text is not a number (issue 12): the forms send the revision they show as a number.
    await expectAppError(
      decideFinancialObject(w.fin.ctx, po.id, { decision: "APPROVED", revision: "2" }),
      "VALIDATION_FAILED",
    );
    const approved = await decideFinancialObject(w.fin.ctx, po.id, { decision: "APPROVED", revision: 2 });
    expect(approved.object).toMatchObject({ status: "APPROVED", revision: 2 });
  });
});
