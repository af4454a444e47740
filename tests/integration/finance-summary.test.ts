import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { createFinancialObject } from "@/lib/domain/finance/create-financial-object";
import { getCampaignFinanceSummary } from "@/lib/domain/finance/get-campaign-finance-summary";
import { compareRevisions } from "@/lib/domain/finance/compare-revisions";
import { reviseFinancialObject } from "@/lib/domain/finance/revise-financial-object";
import { submitFinancialObject } from "@/lib/domain/finance/submit-financial-object";
import { listFinanceQueue } from "@/lib/domain/finance/list-finance-queue";
import { listFinancialObjects } from "@/lib/domain/finance/list-financial-objects";
import { exportFinancialObjectsCsv } from "@/lib/domain/finance/export-financial-objects";
import { formatMoney } from "@/lib/domain/format-money";
import { roundedMoney, splitEvenly, sum, totalsOf } from "@/lib/domain/finance/money";
import { getCreatorRevenueSummary } from "@/lib/domain/creator/get-revenue-summary";
import { loadCampaignFacts } from "@/lib/domain/campaigns/load-campaign-facts";
import { checkTransition } from "@/lib/domain/campaigns/status-machine";
import { transitionCampaign } from "@/lib/domain/campaigns/transition-campaign";
import { parseCsv } from "@/lib/csv";
import { createActor, expectAppError } from "../setup/factories";
import { createFinanceWorld, line } from "../setup/finance-fixtures";

// Decimal arithmetic, the campaign summary per currency, the queue and list filters, revision diffs, CSV,
// the campaign guards over real rows, and the creator's safe revenue summary.

let w: Awaited<ReturnType<typeof createFinanceWorld>>;
beforeAll(async () => {
  w = await createFinanceWorld("FinSummary");
});

describe("decimal money", () => {
  it("0.1 + 0.2 is 0.30 exactly, in the domain and in SQL", async () => {
    expect(sum(["0.1", "0.2"]).toFixed(2)).toBe("0.30");
    expect(sum(["0.1", "0.2"]).equals(new Prisma.Decimal("0.3"))).toBe(true);
    const c = await w.campaign({ status: "SOURCING" });
    const o = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "EXPENSE",
      title: "Cents",
      lines: [line("0.10"), line("0.20")],
    });
    expect(o.total).toBe("0.30");
    const [{ total }] = await db.$queryRaw<
      { total: string }[]
    >`SELECT sum(amount)::text AS total FROM "FinancialLine" WHERE "objectId" = ${o.id}::uuid`;
    expect(total).toBe("0.30");
  });

  it("three-way split of 100.00 rounds to cents and adds up exactly; line tax rounds half-up per line", () => {
    const parts = splitEvenly("100.00", 3);
    expect(parts.map((p) => p.toFixed(2))).toEqual(["33.34", "33.33", "33.33"]);
    expect(sum(parts).toFixed(2)).toBe("100.00");
    expect(splitEvenly("0.02", 3).map((p) => p.toFixed(2))).toEqual(["0.01", "0.01", "0.00"]);
    const t = totalsOf([
      { quantity: "3", unitPrice: "33.33", taxRate: "20" },
      { quantity: "1", unitPrice: "0.05", taxRate: "10" },
    ]);
    expect([t.subtotal.toFixed(2), t.taxAmount.toFixed(2), t.total.toFixed(2)]).toEqual(["100.04", "20.01", "120.05"]);
  });

  it("formats with the currency from decimal strings; rounds for creators", () => {
    expect(formatMoney("1234567.5", "EUR")).toBe("€1,234,567.50");
    expect(formatMoney("48000.00", "GBP")).toBe("£48,000.00");
    expect(roundedMoney("48123.45", "GBP")).toBe("£48K");
    expect(roundedMoney("1234.56", "EUR")).toBe("€1.2K");
    expect(roundedMoney("954.99", "USD")).toBe("$950");
    expect(roundedMoney("1320000", "GBP")).toBe("£1.3M");
  });
});

describe("campaign finance summary", () => {
  it("budget vs committed vs invoiced vs paid per category, per currency (never added across), overrun marked", async () => {
    const c = await w.campaign({ status: "LIVE" });
    const budget = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "BUDGET",
      title: "B",
      lines: [line("1000.00", { category: "PRODUCTION" }), line("2000.00", { category: "INFLUENCER_FEES" })],
    });
    await db.financialObject.update({ where: { id: budget.id }, data: { status: "APPROVED" } });
    const po = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "PURCHASE_ORDER",
      title: "PO",
      lines: [line("1200.00", { category: "PRODUCTION", taxRate: "20" })],
    });
    await db.financialObject.update({ where: { id: po.id }, data: { status: "APPROVED" } });
    const usd = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "PURCHASE_ORDER",
      title: "US PO",
      currency: "usd",
      lines: [line("300.00", { category: "PAID_MEDIA" })],
    });
    await db.financialObject.update({ where: { id: usd.id }, data: { status: "APPROVED" } });
    const summary = await getCampaignFinanceSummary(w.fin.ctx, c.id);
    expect(summary.currencies.map((s) => s.currency)).toEqual(["EUR", "USD"]);
    const eur = summary.currencies[0];
    expect(eur.lines.find((l) => l.category === "PRODUCTION")).toEqual({
      category: "PRODUCTION",
      budget: "1000.00",
      committed: "1200.00",
      invoiced: "0.00",
      paid: "0.00",
      overrun: true,
    });
    // The influencer on the campaign has an agreed fee of 500.00 (committed).
    expect(eur.lines.find((l) => l.category === "INFLUENCER_FEES")).toMatchObject({
      budget: "2000.00",
      committed: "500.00",
      overrun: false,
    });
    expect(eur.total).toMatchObject({ budget: "3000.00", committed: "1700.00", overrun: false });
    const usdSummary = summary.currencies[1];
    expect(usdSummary.total).toMatchObject({ budget: "0.00", committed: "300.00", overrun: false });
    await expectAppError(getCampaignFinanceSummary(w.clientUser.ctx, c.id), "FORBIDDEN");
    await expectAppError(getCampaignFinanceSummary(w.foreignFin.ctx, c.id), "NOT_FOUND");
  });
});

describe("queue, list, diff, CSV", () => {
  it("FIN's queue holds what waits for FIN, filterable by type, amount, client and age; DIR's only above-threshold steps", async () => {
    const c = await w.campaign({ status: "SOURCING", clientId: w.clientTwo.id });
    const small = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "EXPENSE",
      title: "Small",
      lines: [line("50.00")],
    });
    const big = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "PURCHASE_ORDER",
      title: "Big",
      lines: [line("20000.00")],
    });
    await submitFinancialObject(w.cm.ctx, small.id);
    await submitFinancialObject(w.cm.ctx, big.id);
    const all = await listFinanceQueue(w.fin.ctx, { clientId: w.clientTwo.id });
    expect(all.items.map((i) => i.objectId).sort()).toEqual([small.id, big.id].sort());
    expect(
      (await listFinanceQueue(w.fin.ctx, { clientId: w.clientTwo.id, type: "EXPENSE" })).items.map((i) => i.objectId),
    ).toEqual([small.id]);
    expect(
      (await listFinanceQueue(w.fin.ctx, { clientId: w.clientTwo.id, minAmount: "1000" })).items.map((i) => i.objectId),
    ).toEqual([big.id]);
    expect((await listFinanceQueue(w.fin.ctx, { clientId: w.clientTwo.id, minAgeDays: 2 })).items).toEqual([]);
    expect((await listFinanceQueue(w.dir.ctx, { clientId: w.clientTwo.id })).items).toEqual([]);
    expect((await listFinanceQueue(w.cm.ctx, {})).items).toEqual([]);
    await expectAppError(listFinanceQueue(w.fin.ctx, { minAmount: "abc" }), "VALIDATION_FAILED");
    const listed = await listFinancialObjects(w.fin.ctx, {
      campaignId: c.id,
      type: "EXPENSE,PURCHASE_ORDER",
      maxAmount: "100",
    });
    expect(listed.items.map((i) => i.id)).toEqual([small.id]);
    expect((await listFinancialObjects(w.clientUserTwo.ctx, { campaignId: c.id })).items).toEqual([]);
  });

  it("compares any two revisions: fields and lines added, removed, changed", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const o = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "QUOTE",
      title: "Q",
      lines: [line("100.00", { description: "A" }), line("200.00", { description: "B" })],
    });
    const r2 = await reviseFinancialObject(w.cm.ctx, o.id, {
      version: o.version,
      reason: "B cheaper, C added",
      lines: [
        line("100.00", { description: "A" }),
        line("150.00", { description: "B" }),
        line("10.00", { description: "C" }),
      ],
    });
    const r3 = await reviseFinancialObject(w.cm.ctx, o.id, {
      version: r2.version,
      reason: "Only A",
      title: "Q2",
      lines: [line("100.00", { description: "A" })],
    });
    expect(r3.revision).toBe(3);
    const d12 = await compareRevisions(w.fin.ctx, o.id, { from: "1", to: "2" });
    expect(d12.fields.map((f) => f.field).sort()).toEqual(["subtotal", "total"]);
    expect(d12.lines.added.map((l) => l.description)).toEqual(["C"]);
    expect(d12.lines.changed).toEqual([
      {
        position: 2,
        changes: [
          { field: "unitPrice", from: "200.00", to: "150.00" },
          { field: "amount", from: "200.00", to: "150.00" },
        ],
      },
    ]);
    const d13 = await compareRevisions(w.fin.ctx, o.id, { from: 1, to: 3 });
    expect(d13.fields.find((f) => f.field === "title")).toEqual({ field: "title", from: "Q", to: "Q2" });
    expect(d13.lines.removed.map((l) => l.description)).toEqual(["B"]);
    await expectAppError(compareRevisions(w.fin.ctx, o.id, { from: 1, to: 9 }), "VALIDATION_FAILED");
    await expectAppError(compareRevisions(w.clientUser.ctx, o.id, { from: 1, to: 2 }), "FORBIDDEN");
  });

  it("exports CSV with amounts as numbers and the currency explicit; audited", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "EXPENSE",
      title: "=cmd()",
      lines: [line("1234.50", { taxRate: "20" })],
    });
    const text = await new Response(await exportFinancialObjectsCsv(w.fin.ctx, { campaignId: c.id })).text();
    const [header, row] = parseCsv(text).map((r) => r.fields);
    const get = (k: string) => row[header.indexOf(k)];
    expect([get("currency"), get("subtotal"), get("tax"), get("total"), get("paid")]).toEqual([
      "EUR",
      "1234.50",
      "246.90",
      "1481.40",
      "0.00",
    ]);
    expect(get("title")).toBe("'=cmd()");
    expect(
      await db.auditLog.count({ where: { agencyId: w.agency.id, action: "finance.export", actorId: w.fin.user.id } }),
    ).toBeGreaterThan(0);
  });
});

describe("campaign guards over real rows", () => {
  it("BUDGET_APPROVED needs an approved budget; CLOSED needs every client invoice paid and every payout settled", async () => {
    const c = await w.campaign({ status: "BUDGET_IN_REVIEW" });
    const facts = () =>
      db.$transaction(async (tx) =>
        loadCampaignFacts(tx, (await tx.campaign.findUniqueOrThrow({ where: { id: c.id } })) as never),
      );
    expect((await facts()).budget).toBe("none");
    expect(checkTransition(await facts(), "BUDGET_APPROVED").ok).toBe(false);
    const b = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "BUDGET",
      title: "B",
      lines: [line("10.00")],
    });
    expect((await facts()).budget).toEqual({ approved: false });
    const refused = await expectAppError(transitionCampaign(w.cm.ctx, c.id, { to: "BUDGET_APPROVED" }), "CONFLICT");
    expect((refused as unknown as { guard: string }).guard).toBe("BUDGET_APPROVED");
    expect((await db.campaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("BUDGET_IN_REVIEW");
    await db.financialObject.update({ where: { id: b.id }, data: { status: "APPROVED" } });
    expect(checkTransition(await facts(), "BUDGET_APPROVED").ok).toBe(true);

    await db.campaign.update({ where: { id: c.id }, data: { status: "INVOICING" } });
    const inv = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "CLIENT_INVOICE",
      title: "I",
      lines: [line("10.00")],
    });
    const payout = await db.financialObject.create({
      data: {
        agencyId: w.agency.id,
        campaignId: c.id,
        clientId: c.clientId,
        type: "PAYOUT",
        status: "APPROVED",
        title: "P",
        currency: "EUR",
        subtotal: "5.00",
        total: "5.00",
      },
    });
    let f = await facts();
    expect(f.clientInvoices).toEqual({ total: 1, unpaid: 1 });
    expect(f.payouts).toEqual({ total: 1, unsettled: 1 });
    expect(checkTransition(f, "CLOSED")).toMatchObject({ ok: false });
    await db.financialObject.update({ where: { id: inv.id }, data: { status: "PAID", paidAmount: "10.00" } });
    await db.financialObject.update({ where: { id: payout.id }, data: { status: "PAID", paidAmount: "5.00" } });
    f = await facts();
    expect(f.clientInvoices).toEqual({ total: 1, unpaid: 0 });
    expect(checkTransition(f, "CLOSED").ok).toBe(true);
  });
});

const FORBIDDEN_KEYS =
  /^(number|invoiceNumber|numberSeq|numberYear|externalRef|paidAt|paymentDate|paidOn|issueDate|dueDate|scheduledFor|notes|internalNotes|negotiation.*|agent.*|reference|id|influencerId|total|subtotal|amount)$/i;

/** Every forbidden key, every number, every unrounded amount (free-text names of campaign and brand aside) and every leaked reference. */
function walk(value: unknown, path: string, found: string[]) {
  const freeText = /\.(name|brand)$/.test(path);
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, found));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.test(k)) found.push(`${path}.${k}`);
      walk(v, `${path}.${k}`, found);
    }
  } else if (typeof value === "string") {
    if (!freeText && (/\d+\.\d{2}\b/.test(value) || /\d{4,}/.test(value.replace(/^\d{4}-\d{2}$/, ""))))
      found.push(`${path}=${value}`);
    if (/INV-|IVY-|SEPA|agent|usage capped/i.test(value)) found.push(`${path}=${value}`);
  } else if (typeof value === "number") found.push(`${path}=${value}`);
}

describe("creator revenue summary", () => {
  it("shows rounded totals, a monthly trend and deals; none of the forbidden fields, no unrounded amount", async () => {
    const creator = await createActor(w.agency.id, { role: "INF" });
    await db.influencerProfile.update({ where: { id: w.influencer.id }, data: { userId: creator.user.id } });
    const c = await w.campaign({ status: "LIVE", withInfluencer: false });
    const assignment = await db.campaignInfluencer.create({
      data: {
        agencyId: w.agency.id,
        campaignId: c.id,
        influencerId: w.influencer.id,
        currency: "GBP",
        agreedFee: "48123.45",
        status: "COMPLETED",
        notes: "Agent wants more",
      },
    });
    const ii = await db.financialObject.create({
      data: {
        agencyId: w.agency.id,
        campaignId: c.id,
        clientId: c.clientId,
        type: "INFLUENCER_INVOICE",
        status: "PAID",
        number: null,
        externalRef: "IVY-77",
        title: "Fee",
        currency: "GBP",
        subtotal: "48123.45",
        total: "48123.45",
        paidAmount: "48123.45",
        influencerId: w.influencer.id,
        assignmentId: assignment.id,
        internalNotes: "negotiation: agent asked 10% more",
        paidAt: new Date(),
      },
    });
    await db.financialObject.create({
      data: {
        agencyId: w.agency.id,
        campaignId: c.id,
        clientId: c.clientId,
        type: "PAYOUT",
        status: "PAID",
        title: "Payout",
        currency: "GBP",
        subtotal: "48123.45",
        total: "48123.45",
        paidAmount: "48123.45",
        influencerId: w.influencer.id,
        parentId: ii.id,
        paidAt: new Date(),
        externalRef: "SEPA 1",
      },
    });
    const summary = await getCreatorRevenueSummary(creator.ctx);
    expect(summary.earned).toEqual([{ currency: "GBP", value: "£48K" }]);
    expect(summary.trend).toHaveLength(12);
    expect(summary.trend.at(-1)!.amounts).toEqual([{ currency: "GBP", value: "£48K" }]);
    const deal = summary.deals.find((d) => d.name === c.name)!;
    expect(deal).toEqual({
      name: c.name,
      brand: expect.any(String),
      status: "Completed",
      value: { currency: "GBP", value: "£48K" },
      nextAction: "Nothing to do: paid",
    });
    // Field by field: exactly the allowed keys.
    expect(Object.keys(summary).sort()).toEqual(["deals", "earned", "trend", "upcoming"]);
    for (const d of summary.deals)
      expect(Object.keys(d).sort()).toEqual(["brand", "name", "nextAction", "status", "value"]);
    for (const t of summary.trend) expect(Object.keys(t).sort()).toEqual(["amounts", "month"]);
    const found: string[] = [];
    walk(JSON.parse(JSON.stringify(summary)), "$", found);
    expect(found).toEqual([]);
    // Somebody else's view: a CM is refused; an INF without a profile gets an empty summary.
    await expectAppError(getCreatorRevenueSummary(w.cm.ctx), "FORBIDDEN");
    const stranger = await createActor(w.agency.id, { role: "INF" });
    expect(await getCreatorRevenueSummary(stranger.ctx)).toEqual({ earned: [], upcoming: [], trend: [], deals: [] });
  });

  it("the walker itself catches a leak (so the test above can fail)", () => {
    const found: string[] = [];
    walk({ deals: [{ name: "x", number: "INV-2026-00001", value: { value: "1234.56" } }] }, "$", found);
    expect(found.length).toBeGreaterThanOrEqual(2);
  });
});
