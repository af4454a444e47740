import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createFinancialObject } from "@/lib/domain/finance/create-financial-object";
import { issueInvoice } from "@/lib/domain/finance/issue-invoice";
import { recordPayment } from "@/lib/domain/finance/record-payment";
import { voidFinancialObject } from "@/lib/domain/finance/void-financial-object";
import { schedulePayout } from "@/lib/domain/finance/schedule-payout";
import { markPayoutSent } from "@/lib/domain/finance/mark-payout-sent";
import { listPayoutsOwed } from "@/lib/domain/finance/list-payouts-owed";
import { getFinancialObject } from "@/lib/domain/finance/get-financial-object";
import { loadInvoiceDocument, renderInvoicePdf } from "@/lib/domain/finance/render-invoice-pdf";
import { createAgency, createActor, createClientRow, expectAppError } from "../setup/factories";
import { createCampaignRow } from "../setup/approval-fixtures";
import { createFinanceWorld, line } from "../setup/finance-fixtures";

// Issuing (gapless numbers under concurrency), voiding, payments, payouts and the invoice PDF.

let w: Awaited<ReturnType<typeof createFinanceWorld>>;
beforeAll(async () => {
  w = await createFinanceWorld("FinInvoicing");
});

/** An APPROVED client invoice written straight to the database (the approval chain is tested elsewhere). */
async function approvedInvoice(
  campaign: { id: string; clientId: string },
  agencyId = w.agency.id,
  lines = [line("1000.00", { taxRate: "20" })],
) {
  const created = await createFinancialObject(
    agencyId === w.agency.id ? w.cm.ctx : (await createActor(agencyId, { role: "CM" })).ctx,
    { campaignId: campaign.id, type: "CLIENT_INVOICE", title: "Invoice", lines },
  ).catch(async () => {
    throw new Error("create failed");
  });
  await db.financialObject.update({ where: { id: created.id }, data: { status: "APPROVED", approvalStep: 1 } });
  return created;
}

describe("issuing client invoices", () => {
  it("50 parallel issues get INV-<year>-00001 … 00050: no gap, no duplicate", async () => {
    const agency = await createAgency("Gapless");
    const client = await createClientRow(agency.id);
    const [cm, fin] = await Promise.all([
      createActor(agency.id, { role: "CM" }),
      createActor(agency.id, { role: "FIN" }),
    ]);
    const campaign = await createCampaignRow(agency.id, {
      clientId: client.id,
      ownerId: cm.user.id,
      status: "INVOICING",
    });
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const o = await createFinancialObject(cm.ctx, {
        campaignId: campaign.id,
        type: "CLIENT_INVOICE",
        title: `Invoice ${i}`,
        lines: [line("10.00")],
      });
      ids.push(o.id);
    }
    await db.financialObject.updateMany({ where: { id: { in: ids } }, data: { status: "APPROVED" } });
    const results = await Promise.allSettled(
      ids.map((id) => issueInvoice(fin.ctx, id, { issueDate: "2026-03-01", dueDate: "2026-03-31" })),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const numbers = results.map((r) => (r as PromiseFulfilledResult<{ number: string | null }>).value.number!).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, k) => `INV-2026-${String(k + 1).padStart(5, "0")}`));
    expect(new Set(numbers).size).toBe(50);
    expect(
      (await db.invoiceCounter.findUniqueOrThrow({ where: { agencyId_year: { agencyId: agency.id, year: 2026 } } }))
        .lastNumber,
    ).toBe(50);
    expect(await db.auditLog.count({ where: { agencyId: agency.id, action: "finance.issue" } })).toBe(50);
  }, 60_000);

  it("issuing twice at once gives one number; the other gets 409 and the counter does not move", async () => {
    const c = await w.campaign({ status: "INVOICING" });
    const inv = await approvedInvoice(c);
    const before = await db.invoiceCounter.findFirst({ where: { agencyId: w.agency.id, year: 2027 } });
    const results = await Promise.allSettled(
      [0, 1].map(() => issueInvoice(w.fin.ctx, inv.id, { issueDate: "2027-01-05", dueDate: "2027-02-04" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      ((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as { code: string }).code,
    ).toBe("CONFLICT");
    const after = await db.invoiceCounter.findFirstOrThrow({ where: { agencyId: w.agency.id, year: 2027 } });
    expect(after.lastNumber).toBe((before?.lastNumber ?? 0) + 1);
  });

  it("refuses a draft, a due date before the issue date, a CM; another agency does not find it", async () => {
    const c = await w.campaign({ status: "INVOICING" });
    const draft = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "CLIENT_INVOICE",
      title: "Draft",
      lines: [line("5.00")],
    });
    await expectAppError(issueInvoice(w.fin.ctx, draft.id, { dueDate: "2030-01-01" }), "CONFLICT");
    const inv = await approvedInvoice(c);
    await expectAppError(
      issueInvoice(w.fin.ctx, inv.id, { issueDate: "2026-05-01", dueDate: "2026-04-01" }),
      "VALIDATION_FAILED",
    );
    await expectAppError(issueInvoice(w.fin.ctx, inv.id, { issueDate: "2026-05-01" }), "VALIDATION_FAILED");
    await expectAppError(issueInvoice(w.cm.ctx, inv.id, { dueDate: "2030-01-01" }), "FORBIDDEN");
    await expectAppError(issueInvoice(w.foreignFin.ctx, inv.id, { dueDate: "2030-01-01" }), "NOT_FOUND");
    expect((await db.financialObject.findUniqueOrThrow({ where: { id: inv.id } })).number).toBeNull();
  });
});

describe("void, payments", () => {
  it("void keeps the number (never reused); the next invoice gets the next number", async () => {
    const c = await w.campaign({ status: "INVOICING" });
    const a = await issueInvoice(w.fin.ctx, (await approvedInvoice(c)).id, {
      issueDate: "2028-02-01",
      dueDate: "2028-03-01",
    });
    await expectAppError(voidFinancialObject(w.fin.ctx, a.id, { reason: "" }), "VALIDATION_FAILED");
    const voided = await voidFinancialObject(w.fin.ctx, a.id, { reason: "Wrong address" });
    expect(voided).toMatchObject({ status: "VOID", number: a.number, voidReason: "Wrong address" });
    const b = await issueInvoice(w.fin.ctx, (await approvedInvoice(c)).id, {
      issueDate: "2028-02-02",
      dueDate: "2028-03-02",
    });
    expect(Number(b.number!.slice(-5))).toBe(Number(a.number!.slice(-5)) + 1);
    await expectAppError(voidFinancialObject(w.fin.ctx, a.id, { reason: "again" }), "CONFLICT");
  });

  it("partial payments sum in SQL to PAID; an overpayment is refused; voiding a payment reopens the invoice", async () => {
    const c = await w.campaign({ status: "INVOICING" });
    const inv = await issueInvoice(
      w.fin.ctx,
      (await approvedInvoice(c, w.agency.id, [line("0.10"), line("0.20", { taxRate: "20" })])).id,
      { dueDate: "2031-01-01" },
    );
    expect([inv.subtotal, inv.taxAmount, inv.total]).toEqual(["0.30", "0.04", "0.34"]);
    const first = await recordPayment(w.fin.ctx, inv.id, { amount: "0.10", paidAt: "2030-12-01", reference: "A" });
    expect(first.invoice).toMatchObject({ status: "ISSUED", paidAmount: "0.10", outstanding: "0.24" });
    await expectAppError(
      recordPayment(w.fin.ctx, inv.id, { amount: "0.25", paidAt: "2030-12-02" }),
      "VALIDATION_FAILED",
    );
    await expectAppError(recordPayment(w.fin.ctx, inv.id, { amount: "0", paidAt: "2030-12-02" }), "VALIDATION_FAILED");
    await expectAppError(
      recordPayment(w.fin.ctx, inv.id, { amount: "0.1234", paidAt: "2030-12-02" }),
      "VALIDATION_FAILED",
    );
    const second = await recordPayment(w.fin.ctx, inv.id, { amount: "0.24", paidAt: "2030-12-03" });
    expect(second.invoice).toMatchObject({ status: "PAID", paidAmount: "0.34", outstanding: "0.00" });
    await expectAppError(recordPayment(w.fin.ctx, inv.id, { amount: "0.01", paidAt: "2030-12-04" }), "CONFLICT");
    await expectAppError(voidFinancialObject(w.fin.ctx, inv.id, { reason: "no" }), "CONFLICT");
    await voidFinancialObject(w.fin.ctx, second.payment.id, { reason: "Bounced" });
    expect((await getFinancialObject(w.fin.ctx, inv.id)).object).toMatchObject({
      status: "ISSUED",
      paidAmount: "0.10",
    });
    expect(await db.auditLog.count({ where: { action: "finance.pay", recordId: inv.id } })).toBe(2);
  });
});

describe("payouts", () => {
  it("an approved influencer invoice is scheduled, shows as owed, and is paid when the payout is sent", async () => {
    const c = await w.campaign({ status: "LIVE" });
    const ii = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "INFLUENCER_INVOICE",
      title: "Fee",
      influencerId: w.influencer.id,
      lines: [line("600.00", { category: "INFLUENCER_FEES" })],
    });
    await expectAppError(schedulePayout(w.fin.ctx, ii.id, { scheduledFor: "2030-01-10" }), "CONFLICT");
    await db.financialObject.update({ where: { id: ii.id }, data: { status: "APPROVED" } });
    const part = await schedulePayout(w.fin.ctx, ii.id, { scheduledFor: "2030-01-10", amount: "200.00" });
    await expectAppError(
      schedulePayout(w.fin.ctx, ii.id, { scheduledFor: "2030-01-10", amount: "400.01" }),
      "VALIDATION_FAILED",
    );
    const rest = await schedulePayout(w.fin.ctx, ii.id, { scheduledFor: "2030-02-10" });
    expect(rest.total).toBe("400.00");
    const owed = (await listPayoutsOwed(w.fin.ctx)).owed.find(
      (o) => o.influencerId === w.influencer.id && o.currency === "EUR",
    )!;
    expect(owed).toMatchObject({
      owed: "600.00",
      scheduled: "600.00",
      unscheduled: "0.00",
      nextScheduledFor: "2030-01-10",
    });
    await markPayoutSent(w.fin.ctx, part.id, { paidAt: "2030-01-10" });
    expect((await getFinancialObject(w.fin.ctx, ii.id)).object).toMatchObject({
      status: "APPROVED",
      paidAmount: "200.00",
    });
    await markPayoutSent(w.fin.ctx, rest.id, {});
    expect((await getFinancialObject(w.fin.ctx, ii.id)).object).toMatchObject({ status: "PAID", paidAmount: "600.00" });
    await expectAppError(markPayoutSent(w.fin.ctx, rest.id, {}), "CONFLICT");
    await expectAppError(listPayoutsOwed(w.clientUser.ctx), "FORBIDDEN");
  });
});

describe("invoice PDF", () => {
  it("renders a real invoice (agency and client details, VAT, lines, totals, due date, payment details); the client downloads theirs only", async () => {
    await db.agencyBilling.upsert({
      where: { agencyId: w.agency.id },
      create: {
        agencyId: w.agency.id,
        legalName: "PDF Agency GmbH",
        addressLines: ["Street 1", "20457 Hamburg"],
        vatNumber: "DE111111111",
        iban: "DE89 3704 0044 0532 0130 00",
        bic: "COBADEFFXXX",
        bankName: "Bank",
      },
      update: {},
    });
    const c = await w.campaign({ status: "INVOICING" });
    const inv = await issueInvoice(
      w.fin.ctx,
      (await approvedInvoice(c, w.agency.id, [line("1000.00", { taxRate: "20" }), line("250.50", { taxRate: "7" })]))
        .id,
      { issueDate: "2026-06-01", dueDate: "2026-07-01" },
    );
    const doc = await loadInvoiceDocument(w.clientUser.ctx, inv.id);
    expect(doc).toMatchObject({
      number: inv.number,
      dueDate: "2026-07-01",
      subtotal: "1250.50",
      taxAmount: "217.54",
      total: "1468.04",
    });
    expect(doc.seller).toMatchObject({
      name: "PDF Agency GmbH",
      vatNumber: "DE111111111",
      iban: "DE89 3704 0044 0532 0130 00",
    });
    expect(doc.taxByRate).toEqual([
      { rate: "20", base: "1000.00", tax: "200.00" },
      { rate: "7", base: "250.50", tax: "17.54" },
    ]);
    const { bytes, filename } = await renderInvoicePdf(w.clientUser.ctx, inv.id);
    expect(filename).toBe(`${inv.number}.pdf`);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1500);
    await expectAppError(renderInvoicePdf(w.clientUserTwo.ctx, inv.id), "NOT_FOUND");
    await expectAppError(renderInvoicePdf(w.foreignFin.ctx, inv.id), "NOT_FOUND");
    expect(await db.auditLog.count({ where: { action: "finance.pdf", recordId: inv.id } })).toBe(1);
  });
});
