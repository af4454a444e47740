import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FinancialCategory, FinancialObjectType, FinancialStatus } from "@/lib/generated/prisma/enums";
import { lineAmounts, money, totalsOf } from "@/lib/domain/finance/money";
import { FINANCE_E2E } from "./finance-e2e-fixtures";

// Demo finance data of one agency (called by scripts/seed/demo/seed.ts after business.ts): the agency's billing
// details, approved and draft budgets, a quote waiting for the client, purchase orders, expenses, issued
// client invoices with gapless numbers (one partly paid, one paid, one void), influencer invoices with
// payouts (scheduled and sent), the demo creator's deals, and the e2e fixtures (FINANCE_E2E).
// Rows are written with Prisma directly. Idempotent: nothing is added once the agency has billing details.

export { FINANCE_E2E };

type Line = {
  category: FinancialCategory | null;
  description: string;
  quantity?: string;
  unitPrice: string;
  taxRate?: string;
};
type Users = { cm: string; dir: string; fin: string; client: string; creator: string };

const BILLING = {
  northwind: {
    legalName: "Northwind Creators GmbH",
    addressLines: ["Speicherstadt 12", "20457 Hamburg", "Germany"],
    vatNumber: "DE298765431",
    email: "billing@northwind.test",
    bankName: "Hanseatic Commerce Bank",
    iban: "DE89 3704 0044 0532 0130 00",
    bic: "COBADEFFXXX",
    paymentTermsDays: 30,
  },
  blueharbor: {
    legalName: "Blue Harbor Media Ltd",
    addressLines: ["14 Harbour Street", "Leeds LS1 4AB", "United Kingdom"],
    vatNumber: "GB987654321",
    email: "accounts@blueharbor.test",
    bankName: "Northern Mercantile Bank",
    iban: "GB29 NWBK 6016 1331 9268 19",
    bic: "NWBKGB2L",
    paymentTermsDays: 14,
  },
} as const;

const DAY = 86_400_000;
const date = (offsetDays: number) =>
  new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + offsetDays * DAY);

export async function seedFinance(db: Db, agency: { id: string; slug: string }, users: Users): Promise<number> {
  const slug = agency.slug as keyof typeof BILLING;
  if (!(slug in BILLING)) return 0;
  if (await db.agencyBilling.findUnique({ where: { agencyId: agency.id } })) return 0;
  let created = 0;
  await db.agencyBilling.create({
    data: { agencyId: agency.id, ...BILLING[slug], addressLines: [...BILLING[slug].addressLines] },
  });
  created++;
  const nw = slug === "northwind";
  const currency = nw ? "EUR" : "GBP";
  const vat = nw ? "19" : "20";

  const campaigns = await db.campaign.findMany({
    where: { agencyId: agency.id },
    select: {
      id: true,
      name: true,
      clientId: true,
      status: true,
      currency: true,
      assignments: {
        select: { id: true, influencerId: true, agreedFee: true, proposedFee: true, status: true, currency: true },
      },
    },
  });
  const byName = (name: string) => campaigns.find((c) => c.name === name);

  async function object(
    campaign: { id: string; clientId: string },
    type: FinancialObjectType,
    status: FinancialStatus,
    title: string,
    lines: Line[],
    extra: Partial<Prisma.FinancialObjectUncheckedCreateInput> = {},
    approvers: {
      step: number;
      role: "FIN" | "DIR" | "CLIENT";
      by: string | null;
      status?: "APPROVED" | "PENDING";
    }[] = [],
  ) {
    const full = lines.map((l) => ({ ...l, quantity: l.quantity ?? "1", taxRate: l.taxRate ?? "0" }));
    const totals = totalsOf(full);
    const createdAt = extra.createdAt ? new Date(extra.createdAt as Date) : date(-30);
    const row = await db.financialObject.create({
      data: {
        agencyId: agency.id,
        campaignId: campaign.id,
        clientId: campaign.clientId,
        type,
        status,
        title,
        currency,
        subtotal: totals.subtotal,
        taxAmount: totals.taxAmount,
        total: totals.total,
        createdById: users.cm,
        submittedById: status === "DRAFT" ? null : users.cm,
        approvalStep: approvers.filter((a) => a.status !== "PENDING").length,
        createdAt,
        ...extra,
        lines: {
          create: full.map((l, i) => ({
            agencyId: agency.id,
            position: i + 1,
            category: l.category,
            description: l.description,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            taxRate: l.taxRate,
            amount: lineAmounts(l).amount,
          })),
        },
      },
    });
    created += 1 + full.length;
    const snapshot = {
      revision: 1,
      type,
      title,
      currency,
      subtotal: money(totals.subtotal),
      taxAmount: money(totals.taxAmount),
      total: money(totals.total),
      externalRef: row.externalRef,
      dueDate: row.dueDate?.toISOString().slice(0, 10) ?? null,
      internalNotes: row.internalNotes,
      lines: full.map((l, i) => ({
        position: i + 1,
        category: l.category,
        description: l.description,
        quantity: l.quantity,
        unitPrice: money(l.unitPrice),
        taxRate: Number(l.taxRate).toFixed(2),
        amount: money(lineAmounts(l).amount),
      })),
    };
    await db.financialRevision.create({
      data: {
        agencyId: agency.id,
        objectId: row.id,
        revision: 1,
        snapshot,
        reason: "Created",
        createdById: users.cm,
        createdAt,
      },
    });
    created++;
    for (const a of approvers) {
      const { internalNotes: _notes, ...visible } = snapshot;
      void _notes;
      await db.approvalItem.create({
        data: {
          agencyId: agency.id,
          campaignId: campaign.id,
          type:
            type === "BUDGET"
              ? "BUDGET"
              : type === "CLIENT_INVOICE" || type === "INFLUENCER_INVOICE"
                ? "INVOICE"
                : "FINANCE",
          status: a.status ?? "APPROVED",
          subjectType: "FinancialObject",
          subjectId: row.id,
          subjectVersion: 1,
          subjectSnapshot: visible,
          step: a.step,
          approverRole: a.role,
          approverScopeType: a.role === "CLIENT" ? "CLIENT" : "AGENCY",
          approverScopeId: a.role === "CLIENT" ? campaign.clientId : null,
          requestedById: users.cm,
          decidedById: a.status === "PENDING" ? null : a.by,
          decidedAt: a.status === "PENDING" ? null : new Date(createdAt.getTime() + a.step * DAY),
          dueAt: a.status === "PENDING" ? date(3) : null,
          expiresAt: a.status === "PENDING" ? date(14) : null,
          createdAt: new Date(createdAt.getTime() + (a.step - 1) * DAY),
        },
      });
      created++;
    }
    return row;
  }

  async function issue(invoiceId: string, issueOffset: number, termsDays: number) {
    const issueDate = date(issueOffset);
    const year = issueDate.getUTCFullYear();
    const [{ lastNumber }] = await db.$queryRaw<{ lastNumber: number }[]>`
      INSERT INTO "InvoiceCounter" ("agencyId", "year", "lastNumber", "updatedAt") VALUES (${agency.id}::uuid, ${year}, 1, now())
      ON CONFLICT ("agencyId", "year") DO UPDATE SET "lastNumber" = "InvoiceCounter"."lastNumber" + 1, "updatedAt" = now()
      RETURNING "lastNumber"`;
    const number = `INV-${year}-${String(lastNumber).padStart(5, "0")}`;
    return db.financialObject.update({
      where: { id: invoiceId },
      data: {
        status: "ISSUED",
        number,
        numberYear: year,
        numberSeq: lastNumber,
        issueDate,
        dueDate: new Date(issueDate.getTime() + termsDays * DAY),
        issuedAt: issueDate,
      },
    });
  }

  async function pay(
    invoice: { id: string; campaignId: string; clientId: string; number: string | null },
    amount: string,
    offset: number,
    reference: string,
  ) {
    await db.financialObject.create({
      data: {
        agencyId: agency.id,
        campaignId: invoice.campaignId,
        clientId: invoice.clientId,
        type: "PAYMENT",
        status: "PAID",
        title: `Payment of ${invoice.number}`,
        currency,
        subtotal: amount,
        total: amount,
        paidAmount: amount,
        parentId: invoice.id,
        externalRef: reference,
        paidAt: date(offset),
        createdById: users.fin,
      },
    });
    created++;
    const payments = await db.financialObject.aggregate({
      where: { parentId: invoice.id, type: "PAYMENT", status: "PAID" },
      _sum: { total: true },
    });
    const row = await db.financialObject.findUniqueOrThrow({ where: { id: invoice.id } });
    const paid = payments._sum.total!;
    await db.financialObject.update({
      where: { id: invoice.id },
      data: { paidAmount: paid, ...(paid.gte(row.total) ? { status: "PAID", paidAt: date(offset) } : {}) },
    });
  }

  async function influencerInvoice(
    campaign: (typeof campaigns)[number],
    assignment: (typeof campaigns)[number]["assignments"][number],
    status: FinancialStatus,
    ref: string,
    payout?: { sentOffset?: number; scheduledOffset?: number },
  ) {
    const fee = (assignment.agreedFee ?? assignment.proposedFee)?.toFixed(2) ?? "800.00";
    const inv = await object(
      campaign,
      "INFLUENCER_INVOICE",
      status === "PAID" ? "APPROVED" : status,
      `Creator fee ${ref}`,
      [{ category: "INFLUENCER_FEES", description: "Content and usage rights as agreed", unitPrice: fee }],
      {
        influencerId: assignment.influencerId,
        assignmentId: assignment.id,
        externalRef: ref,
        internalNotes: "Agent asked for 10% more; settled at the rate card.",
      },
      status === "DRAFT" || status === "SUBMITTED"
        ? status === "SUBMITTED"
          ? [{ step: 1, role: "FIN", by: null, status: "PENDING" }]
          : []
        : [{ step: 1, role: "FIN", by: users.fin }],
    );
    if (payout) {
      const sent = payout.sentOffset !== undefined;
      await db.financialObject.create({
        data: {
          agencyId: agency.id,
          campaignId: campaign.id,
          clientId: campaign.clientId,
          type: "PAYOUT",
          status: sent ? "PAID" : "APPROVED",
          title: `Payout of ${ref}`,
          currency,
          subtotal: fee,
          total: fee,
          paidAmount: sent ? fee : "0",
          influencerId: assignment.influencerId,
          assignmentId: assignment.id,
          parentId: inv.id,
          scheduledFor: date(sent ? payout.sentOffset! : payout.scheduledOffset!),
          paidAt: sent ? date(payout.sentOffset!) : null,
          createdById: users.fin,
        },
      });
      created++;
      if (sent)
        await db.financialObject.update({
          where: { id: inv.id },
          data: { status: "PAID", paidAmount: fee, paidAt: date(payout.sentOffset!) },
        });
    }
    return inv;
  }

  const budgetLines = (total: number): Line[] => [
    { category: "INFLUENCER_FEES", description: "Creator fees", unitPrice: (total * 0.55).toFixed(2) },
    { category: "PRODUCTION", description: "Production and props", unitPrice: (total * 0.15).toFixed(2) },
    { category: "PAID_MEDIA", description: "Paid amplification", unitPrice: (total * 0.15).toFixed(2) },
    { category: "AGENCY_FEE", description: "Agency fee", unitPrice: (total * 0.1).toFixed(2) },
    { category: "CONTINGENCY", description: "Contingency", unitPrice: (total * 0.05).toFixed(2) },
  ];
  const approvedAbove = [
    { step: 1, role: "FIN" as const, by: users.fin },
    { step: 2, role: "DIR" as const, by: users.dir },
  ];

  // The demo creator's profile and their deals.
  const ivy = await db.influencerProfile.findFirst({
    where: { agencyId: agency.id, userId: users.creator },
    select: { id: true },
  });
  async function ivyOn(
    campaign: (typeof campaigns)[number] | undefined,
    status: "ACTIVE" | "COMPLETED" | "OFFERED" | "CONTRACTED",
    fee: string,
  ) {
    if (!campaign || !ivy) return null;
    const existing = campaign.assignments.find((a) => a.influencerId === ivy.id);
    if (existing) return existing;
    const row = await db.campaignInfluencer.create({
      data: {
        agencyId: agency.id,
        campaignId: campaign.id,
        influencerId: ivy.id,
        status,
        proposedFee: fee,
        agreedFee: status === "OFFERED" ? null : fee,
        currency,
        deliverableType: "INSTAGRAM_REEL",
        contractSignedAt: status === "OFFERED" ? null : date(-40),
        notes: "Agent: wants usage capped at 3 months.",
      },
      select: { id: true, influencerId: true, agreedFee: true, proposedFee: true, status: true, currency: true },
    });
    created++;
    campaign.assignments.push(row);
    return row;
  }

  // Live and producing campaigns: approved budgets, POs, expenses, invoices both ways.
  const production = byName(nw ? "Volt Mobility City Rides" : "Urban Cycle Commuter Month");
  const live = byName(nw ? "Pixel Forge Launch Stream" : "Moonlit Books Summer Reads");
  const closed = byName(nw ? "Nordic Bites Snack Box" : "Verde Fashion Capsule");
  const reporting = byName(nw ? "Brewhaus Barista Series" : "Tidal Studio Sessions");
  const contracting = byName(nw ? "Lumière Men Grooming Tips" : "Cloudberry Tea Winter Calm");
  const gifting = byName(nw ? "Copper & Oak Holiday Gifting" : "Polar Pets Adoption Week");
  const glow = byName(nw ? "Lumière Glow Serum Launch" : "Tidal Buds Pro Launch");
  const e2e = byName(FINANCE_E2E[slug].campaign);

  if (production) {
    await object(
      production,
      "BUDGET",
      "APPROVED",
      "Campaign budget",
      budgetLines(60_000),
      { createdAt: date(-45) },
      approvedAbove,
    );
    await object(
      production,
      "PURCHASE_ORDER",
      "APPROVED",
      "Video production — five city shoots",
      [{ category: "PRODUCTION", description: "Shoot days", quantity: "5", unitPrice: "1900.00", taxRate: vat }],
      { createdAt: date(-20) },
      [{ step: 1, role: "FIN", by: users.fin }],
    );
    await object(
      production,
      "PURCHASE_ORDER",
      "SUBMITTED",
      "Paid social boost",
      [{ category: "PAID_MEDIA", description: "Boosting budget, two weeks", unitPrice: "12500.00" }],
      { createdAt: date(-3) },
      [{ step: 1, role: "FIN", by: null, status: "PENDING" }],
    );
    await object(
      production,
      "EXPENSE",
      "APPROVED",
      "Travel to Berlin shoot",
      [
        {
          category: "PRODUCTION",
          description: "Train tickets, 3 people",
          quantity: "3",
          unitPrice: "129.90",
          taxRate: "7",
        },
      ],
      { createdAt: date(-12) },
      [{ step: 1, role: "FIN", by: users.fin }],
    );
    await object(
      production,
      "EXPENSE",
      "SUBMITTED",
      "Scooter rental for props",
      [{ category: "PRODUCTION", description: "Rental, 4 days", quantity: "4", unitPrice: "45.00" }],
      { createdAt: date(-2) },
      [{ step: 1, role: "FIN", by: null, status: "PENDING" }],
    );
    const inv = await object(
      production,
      "CLIENT_INVOICE",
      "APPROVED",
      "Production milestone 1",
      [
        { category: "AGENCY_FEE", description: "Agency fee, first half", unitPrice: "3000.00", taxRate: vat },
        { category: "INFLUENCER_FEES", description: "Creator fees, first half", unitPrice: "16500.00", taxRate: vat },
      ],
      { createdAt: date(-25) },
      approvedAbove,
    );
    const issued = await issue(inv.id, -24, 30);
    await pay(issued, "10000.00", -10, "SEPA 4471-2231");
    const active = production.assignments.filter((a) => a.status === "ACTIVE" && (a.agreedFee ?? a.proposedFee));
    if (active[0]) await influencerInvoice(production, active[0], "APPROVED", "INV-CR-1042", { scheduledOffset: 7 });
    if (active[1]) await influencerInvoice(production, active[1], "SUBMITTED", "2026/118");
    const ivyDeal = await ivyOn(production, "ACTIVE", nw ? "2400.00" : "2150.00");
    if (ivyDeal) await influencerInvoice(production, ivyDeal, "APPROVED", "IVY-2026-07", { scheduledOffset: 12 });
  }

  if (live) {
    await object(
      live,
      "BUDGET",
      "APPROVED",
      "Launch week budget",
      budgetLines(75_000),
      { createdAt: date(-50) },
      approvedAbove,
    );
    const inv = await object(
      live,
      "CLIENT_INVOICE",
      "APPROVED",
      "Launch week — full fee",
      [
        { category: "AGENCY_FEE", description: "Agency fee", unitPrice: "7500.00", taxRate: vat },
        { category: "INFLUENCER_FEES", description: "Streamer fees", unitPrice: "24000.00", taxRate: vat },
      ],
      { createdAt: date(-21) },
      approvedAbove,
    );
    const issued = await issue(inv.id, -20, 14);
    await pay(issued, issued.total.toFixed(2), -8, "SEPA 9932-0017");
    for (const [k, a] of live.assignments
      .filter((x) => x.status === "ACTIVE" && (x.agreedFee ?? x.proposedFee))
      .slice(0, 2)
      .entries()) {
      await influencerInvoice(
        live,
        a,
        k === 0 ? "PAID" : "APPROVED",
        `STREAM-${k + 1}`,
        k === 0 ? { sentOffset: -5 } : undefined,
      );
    }
    const ivyDeal = await ivyOn(live, "ACTIVE", nw ? "1800.00" : "1650.00");
    if (ivyDeal) await influencerInvoice(live, ivyDeal, "PAID", "IVY-2026-05", { sentOffset: -35 });
  }

  if (closed) {
    await object(
      closed,
      "BUDGET",
      "APPROVED",
      "Sampling budget",
      budgetLines(18_000),
      { createdAt: date(-130) },
      approvedAbove,
    );
    const inv = await object(
      closed,
      "CLIENT_INVOICE",
      "APPROVED",
      "Sampling campaign — final invoice",
      [
        { category: "AGENCY_FEE", description: "Agency fee", unitPrice: "1800.00", taxRate: vat },
        { category: "INFLUENCER_FEES", description: "Creator fees", unitPrice: "9600.00", taxRate: vat },
        { category: "PRODUCTION", description: "Sample boxes", quantity: "40", unitPrice: "22.50", taxRate: vat },
      ],
      { createdAt: date(-62) },
      approvedAbove,
    );
    const wrong = await object(
      closed,
      "CLIENT_INVOICE",
      "APPROVED",
      "Sampling campaign — invoice (wrong address)",
      [{ category: "AGENCY_FEE", description: "Agency fee", unitPrice: "1800.00", taxRate: vat }],
      { createdAt: date(-64) },
      [{ step: 1, role: "FIN", by: users.fin }],
    );
    await issue(wrong.id, -63, 30);
    await db.financialObject.update({
      where: { id: wrong.id },
      data: {
        status: "VOID",
        voidedAt: date(-62),
        voidReason: "Issued to the wrong billing address; replaced by the final invoice.",
      },
    });
    const issued = await issue(inv.id, -61, 30);
    await pay(issued, issued.total.toFixed(2), -40, "SEPA 1120-8841");
    for (const [k, a] of closed.assignments
      .filter((x) => x.status === "COMPLETED" && (x.agreedFee ?? x.proposedFee))
      .entries()) {
      await influencerInvoice(closed, a, "PAID", `SNACK-${k + 1}`, { sentOffset: -45 - k });
    }
    const ivyDeal = await ivyOn(closed, "COMPLETED", nw ? "1200.00" : "1100.00");
    if (ivyDeal) await influencerInvoice(closed, ivyDeal, "PAID", "IVY-2026-03", { sentOffset: -95 });
  }

  if (reporting)
    await object(
      reporting,
      "BUDGET",
      "APPROVED",
      "Series budget",
      budgetLines(20_000),
      { createdAt: date(-80) },
      approvedAbove,
    );
  if (contracting) {
    await object(
      contracting,
      "BUDGET",
      "APPROVED",
      "Tutorial series budget",
      budgetLines(30_000),
      { createdAt: date(-15) },
      approvedAbove,
    );
    await ivyOn(contracting, "OFFERED", nw ? "950.00" : "900.00");
  }
  if (gifting)
    await object(gifting, "BUDGET", "DRAFT", "Gift guide budget (draft)", budgetLines(26_000), { createdAt: date(-1) });
  if (glow) {
    // A quote the client still has to approve (FIN approved it; it is under the threshold).
    await object(
      glow,
      "QUOTE",
      "SUBMITTED",
      "Glow Serum launch — quote",
      [
        {
          category: "INFLUENCER_FEES",
          description: "Six creators, one reel and three stories each",
          quantity: "6",
          unitPrice: "1150.00",
          taxRate: vat,
        },
        { category: "AGENCY_FEE", description: "Agency fee", unitPrice: "1500.00", taxRate: vat },
      ],
      { createdAt: date(-4), sentToClientAt: date(-3) },
      [
        { step: 1, role: "FIN", by: users.fin },
        { step: 2, role: "CLIENT", by: null, status: "PENDING" },
      ],
    );
  }
  if (e2e) {
    await object(
      e2e,
      "CLIENT_INVOICE",
      "APPROVED",
      FINANCE_E2E[slug].invoice,
      [
        { category: "AGENCY_FEE", description: "Agency fee, deposit", unitPrice: "2400.00", taxRate: vat },
        {
          category: "PRODUCTION",
          description: "Gift set photography",
          quantity: "2",
          unitPrice: "850.00",
          taxRate: vat,
        },
      ],
      { createdAt: date(-2), dueDate: date(28) },
      [{ step: 1, role: "FIN", by: users.fin }],
    );
  }
  return created;
}
