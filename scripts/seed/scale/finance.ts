import type pg from "pg";
import { createRng, DAY, inTransaction, insertRows, iso, isoDate, type PhaseArgs, type Row, type Table } from "./rows";
import { FORWARD_CHAIN } from "@/lib/domain/campaigns/status-machine";

// The scale agency's finance (issue 5): budgets, quotes, purchase orders, expenses, client invoices,
// influencer invoices, payments and payouts per campaign, each with its lines and one revision snapshot.
// Amounts are computed in integer cents and written as decimal strings (never floats); total = subtotal +
// tax exactly. Issued client invoices get gapless INV-<year>-<00001> numbers per year in issue order (a
// first pass collects them, the second writes), and the InvoiceCounter row of each year holds the last one.

export const FINANCIAL_OBJECT_TABLE: Table = {
  table: "FinancialObject",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "campaignId", type: "uuid" },
    { name: "clientId", type: "uuid" },
    { name: "type", type: '"FinancialObjectType"' },
    { name: "status", type: '"FinancialStatus"' },
    { name: "title", type: "text" },
    { name: "number", type: "text" },
    { name: "numberYear", type: "int4" },
    { name: "numberSeq", type: "int4" },
    { name: "externalRef", type: "text" },
    { name: "currency", type: "text" },
    { name: "subtotal", type: "numeric" },
    { name: "taxAmount", type: "numeric" },
    { name: "total", type: "numeric" },
    { name: "paidAmount", type: "numeric" },
    { name: "influencerId", type: "uuid" },
    { name: "assignmentId", type: "uuid" },
    { name: "parentId", type: "uuid" },
    { name: "issueDate", type: "date" },
    { name: "dueDate", type: "date" },
    { name: "scheduledFor", type: "date" },
    { name: "issuedAt", type: "timestamptz" },
    { name: "paidAt", type: "timestamptz" },
    { name: "voidedAt", type: "timestamptz" },
    { name: "voidReason", type: "text" },
    { name: "createdById", type: "uuid" },
    { name: "submittedById", type: "uuid" },
    { name: "createdAt", type: "timestamptz" },
    { name: "updatedAt", type: "timestamptz" },
  ],
};

export const FINANCIAL_LINE_TABLE: Table = {
  table: "FinancialLine",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "objectId", type: "uuid" },
    { name: "position", type: "int4" },
    { name: "category", type: '"FinancialCategory"' },
    { name: "description", type: "text" },
    { name: "quantity", type: "numeric" },
    { name: "unitPrice", type: "numeric" },
    { name: "taxRate", type: "numeric" },
    { name: "amount", type: "numeric" },
    { name: "assignmentId", type: "uuid" },
  ],
};

export const FINANCIAL_REVISION_TABLE: Table = {
  table: "FinancialRevision",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "objectId", type: "uuid" },
    { name: "revision", type: "int4" },
    { name: "snapshot", type: "jsonb" },
    { name: "reason", type: "text" },
    { name: "createdById", type: "uuid" },
    { name: "createdAt", type: "timestamptz" },
  ],
};

/** Integer cents → "1234.56". */
export function cents(n: number): string {
  const sign = n < 0 ? "-" : "";
  const a = Math.abs(n);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}

export type FinanceCampaign = {
  id: string;
  clientId: string;
  name: string;
  stage: string;
  currency: string;
  ownerId: string;
  directorId: string | null;
  plannedBudget: string;
  createdAt: Date;
  startDate: Date;
  endDate: Date;
  assignments: { id: string; influencerId: string; fee: string | null }[];
};

/** The status machine's forward chain (a stage outside it, ON_HOLD or CANCELLED, is -1). */
const STAGE_ORDER: readonly string[] = FORWARD_CHAIN;

/** How much finance a campaign at this stage has (relative; the counts are fitted to the total asked for). */
export function financeWeight(stage: string): number {
  const i = STAGE_ORDER.indexOf(stage);
  if (i < 0 || i < STAGE_ORDER.indexOf("SOURCING")) return 0.5;
  if (i < STAGE_ORDER.indexOf("CONTRACTING")) return 2;
  if (i < STAGE_ORDER.indexOf("IN_PRODUCTION")) return 6;
  if (i < STAGE_ORDER.indexOf("REPORTING")) return 18;
  return 34;
}

/** Objects per campaign adding up to exactly `total` (largest remainder over the weights). */
export function allocate(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]]++;
  return counts;
}

const TAX_RATE_BP: Record<string, number> = { EUR: 1900, GBP: 2000, USD: 0, SEK: 2500, CHF: 810, NOK: 2500 };

type Kind =
  "BUDGET" | "QUOTE" | "PURCHASE_ORDER" | "EXPENSE" | "CLIENT_INVOICE" | "INFLUENCER_INVOICE" | "PAYMENT" | "PAYOUT";

function kindFor(k: number, stageIndex: number, rng: ReturnType<typeof createRng>): Kind {
  if (k === 0) return "BUDGET";
  if (k === 1) return "QUOTE";
  if (stageIndex < STAGE_ORDER.indexOf("CONTRACTING"))
    return rng.weighted([
      ["QUOTE", 3],
      ["EXPENSE", 2],
    ] as const);
  if (k === 2) return "PURCHASE_ORDER";
  if (stageIndex < STAGE_ORDER.indexOf("IN_PRODUCTION"))
    return rng.weighted([
      ["EXPENSE", 3],
      ["INFLUENCER_INVOICE", 2],
      ["QUOTE", 1],
    ] as const);
  return rng.weighted([
    ["EXPENSE", 4],
    ["CLIENT_INVOICE", 5],
    ["INFLUENCER_INVOICE", 6],
    ["PAYMENT", 3],
    ["PAYOUT", 4],
  ] as const);
}

const STATUS_FOR: Record<Kind, readonly (readonly [string, number])[]> = {
  BUDGET: [
    ["DRAFT", 1],
    ["SUBMITTED", 1],
    ["APPROVED", 8],
  ],
  QUOTE: [
    ["DRAFT", 2],
    ["SUBMITTED", 3],
    ["APPROVED", 6],
    ["REJECTED", 1],
  ],
  PURCHASE_ORDER: [
    ["SUBMITTED", 1],
    ["APPROVED", 3],
    ["ISSUED", 6],
  ],
  EXPENSE: [
    ["DRAFT", 1],
    ["SUBMITTED", 2],
    ["APPROVED", 3],
    ["PAID", 5],
    ["REJECTED", 1],
  ],
  CLIENT_INVOICE: [
    ["DRAFT", 1],
    ["SUBMITTED", 1],
    ["APPROVED", 1],
    ["ISSUED", 4],
    ["PAID", 8],
    ["VOID", 1],
  ],
  INFLUENCER_INVOICE: [
    ["SUBMITTED", 2],
    ["APPROVED", 4],
    ["PAID", 8],
    ["REJECTED", 1],
  ],
  PAYMENT: [["PAID", 1]],
  PAYOUT: [
    ["APPROVED", 2],
    ["PAID", 6],
  ],
};

const CATEGORY_OF: Record<Kind, string> = {
  BUDGET: "INFLUENCER_FEES",
  QUOTE: "INFLUENCER_FEES",
  PURCHASE_ORDER: "PRODUCTION",
  EXPENSE: "PRODUCTION",
  CLIENT_INVOICE: "AGENCY_FEE",
  INFLUENCER_INVOICE: "INFLUENCER_FEES",
  PAYMENT: "OTHER",
  PAYOUT: "INFLUENCER_FEES",
};

export type NumberedInvoice = { id: string; year: number; at: number };

/**
 * The financial objects of one campaign (n of them) with lines and revision 1. `numbers` maps an issued
 * client invoice's id to its sequence in its year; without it (the first pass) `numbered` collects them.
 */
export function generateFinance(
  agencyId: string,
  seed: number,
  c: FinanceCampaign,
  index: number,
  n: number,
  numbers: Map<string, number> | null,
) {
  const rng = createRng(seed * 23_000_003 + index);
  const objects: Row[] = [];
  const lines: Row[] = [];
  const revisions: Row[] = [];
  const numbered: NumberedInvoice[] = [];
  const stageIndex = Math.max(0, STAGE_ORDER.indexOf(c.stage));
  const taxBp = TAX_RATE_BP[c.currency] ?? 2000;
  const clientInvoices: { id: string; total: number; paid: boolean }[] = [];
  const influencerInvoices: { id: string; total: number; influencerId: string; assignmentId: string }[] = [];
  const budgetCents = Math.round(Number(c.plannedBudget) * 100);
  const span = Math.max(DAY, c.endDate.getTime() - c.createdAt.getTime());
  for (let k = 0; k < n; k++) {
    const id = rng.uuid();
    let kind = kindFor(k, stageIndex, rng);
    if (kind === "PAYMENT" && !clientInvoices.some((i) => i.paid)) kind = "EXPENSE";
    if (kind === "PAYOUT" && influencerInvoices.length === 0) kind = "EXPENSE";
    if (kind === "INFLUENCER_INVOICE" && c.assignments.length === 0) kind = "EXPENSE";
    const status = rng.weighted(STATUS_FOR[kind]);
    const created = c.createdAt.getTime() + Math.floor((k / Math.max(1, n)) * span) + rng.int(0, DAY - 1);
    const assignment = c.assignments.length ? c.assignments[rng.int(0, c.assignments.length - 1)] : null;
    let parentId: string | null = null;
    let influencerId: string | null = null;
    let assignmentId: string | null = null;
    // Lines in cents: [category, description, quantity (integer), unit price, tax rate in basis points].
    const lineSpecs: [string, string, number, number, number][] = [];
    const taxed =
      kind === "CLIENT_INVOICE" || kind === "QUOTE" || kind === "PURCHASE_ORDER" || kind === "EXPENSE" ? taxBp : 0;
    if (kind === "BUDGET") {
      const fees = Math.round(budgetCents * 0.7);
      lineSpecs.push(
        ["INFLUENCER_FEES", "Creator fees", 1, fees, 0],
        ["PRODUCTION", "Production", 1, Math.round(budgetCents * 0.15), 0],
        ["AGENCY_FEE", "Agency fee", 1, budgetCents - fees - Math.round(budgetCents * 0.15), 0],
      );
    } else if (kind === "PAYMENT") {
      const invoice = clientInvoices.filter((i) => i.paid)[rng.int(0, clientInvoices.filter((i) => i.paid).length - 1)];
      parentId = invoice.id;
      lineSpecs.push(["OTHER", "Bank transfer received", 1, invoice.total, 0]);
    } else if (kind === "PAYOUT") {
      const invoice = influencerInvoices[rng.int(0, influencerInvoices.length - 1)];
      parentId = invoice.id;
      influencerId = invoice.influencerId;
      assignmentId = invoice.assignmentId;
      lineSpecs.push(["INFLUENCER_FEES", "Payout", 1, invoice.total, 0]);
    } else if (kind === "INFLUENCER_INVOICE") {
      influencerId = assignment!.influencerId;
      assignmentId = assignment!.id;
      const fee = assignment!.fee ? Math.round(Number(assignment!.fee) * 100) : rng.int(20, 900) * 1000;
      lineSpecs.push(["INFLUENCER_FEES", "Content as agreed", 1, fee, rng.chance(0.4) ? taxBp : 0]);
      if (rng.chance(0.3)) lineSpecs.push(["PRODUCTION", "Props and travel", 1, rng.int(20, 400) * 100, 0]);
    } else {
      const count = rng.int(1, 4);
      for (let l = 0; l < count; l++) {
        const category =
          l === 0 ? CATEGORY_OF[kind] : rng.pick(["PRODUCTION", "PAID_MEDIA", "AGENCY_FEE", "CONTINGENCY", "OTHER"]);
        lineSpecs.push([
          category,
          `${category.toLowerCase().replace(/_/g, " ")} ${l + 1}`,
          rng.int(1, 5),
          rng.int(50, 5000) * 100 + rng.int(0, 99),
          taxed,
        ]);
      }
    }
    let subtotal = 0;
    let tax = 0;
    const lineRows = lineSpecs.map(([category, description, quantity, unit, bp], position) => {
      const amount = quantity * unit;
      subtotal += amount;
      tax += Math.round((amount * bp) / 10_000);
      return [
        rng.uuid(),
        agencyId,
        id,
        position + 1,
        category,
        description,
        `${quantity}.000`,
        cents(unit),
        cents(bp),
        cents(amount),
        kind === "INFLUENCER_INVOICE" || kind === "PAYOUT" ? assignmentId : null,
      ];
    });
    const total = subtotal + tax;
    const paid = status === "PAID";
    const issuedStates = ["ISSUED", "PAID", "VOID"];
    const issued =
      (kind === "CLIENT_INVOICE" || kind === "PURCHASE_ORDER") && issuedStates.includes(status)
        ? created + rng.int(1, 5) * DAY
        : null;
    let number: string | null = null;
    let year: number | null = null;
    let seq: number | null = null;
    if (kind === "CLIENT_INVOICE" && issued) {
      year = new Date(issued).getUTCFullYear();
      if (numbers) {
        seq = numbers.get(id)!;
        number = `INV-${year}-${String(seq).padStart(5, "0")}`;
      } else numbered.push({ id, year, at: issued });
    }
    if (kind === "CLIENT_INVOICE") clientInvoices.push({ id, total, paid });
    if (kind === "INFLUENCER_INVOICE" && status !== "REJECTED")
      influencerInvoices.push({ id, total, influencerId: influencerId!, assignmentId: assignmentId! });
    const paidAt = paid ? (issued ?? created) + rng.int(3, 40) * DAY : null;
    const voided = status === "VOID" ? issued! + rng.int(1, 10) * DAY : null;
    const updated = Math.max(created, issued ?? 0, paidAt ?? 0, voided ?? 0);
    const title = `${kind
      .toLowerCase()
      .replace(/_/g, " ")
      .replace(/^\w/, (ch) => ch.toUpperCase())} ${k + 1} — ${c.name}`;
    objects.push([
      id,
      agencyId,
      c.id,
      c.clientId,
      kind,
      status,
      title,
      number,
      year,
      seq,
      kind === "INFLUENCER_INVOICE" ? `CR-${id.slice(0, 6).toUpperCase()}` : null,
      c.currency,
      cents(subtotal),
      cents(tax),
      cents(total),
      cents(paid ? total : 0),
      influencerId,
      assignmentId,
      parentId,
      issued ? isoDate(issued) : kind === "INFLUENCER_INVOICE" ? isoDate(created) : null,
      issued ? isoDate(issued + 30 * DAY) : kind === "INFLUENCER_INVOICE" ? isoDate(created + 30 * DAY) : null,
      kind === "PAYOUT" ? isoDate(created + rng.int(1, 14) * DAY) : null,
      issued ? iso(issued) : null,
      paidAt ? iso(paidAt) : null,
      voided ? iso(voided) : null,
      voided ? "Issued with the wrong address" : null,
      c.ownerId,
      status === "DRAFT" ? null : c.ownerId,
      iso(created),
      iso(updated),
    ]);
    lines.push(...lineRows);
    const snapshot = {
      type: kind,
      status: "DRAFT",
      title,
      currency: c.currency,
      subtotal: cents(subtotal),
      taxAmount: cents(tax),
      total: cents(total),
      lines: lineRows.map((l) => ({
        position: l[3],
        category: l[4],
        description: l[5],
        quantity: l[6],
        unitPrice: l[7],
        taxRate: l[8],
        amount: l[9],
      })),
    };
    revisions.push([rng.uuid(), agencyId, id, 1, JSON.stringify(snapshot), "Created", c.ownerId, iso(created)]);
  }
  return { objects, lines, revisions, numbered };
}

/** Gapless sequence numbers per year, in issue order (ties by id). */
export function numberInvoices(invoices: NumberedInvoice[]) {
  const sorted = [...invoices].sort(
    (a, b) => a.year - b.year || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const numbers = new Map<string, number>();
  const last = new Map<number, number>();
  for (const inv of sorted) {
    const next = (last.get(inv.year) ?? 0) + 1;
    last.set(inv.year, next);
    numbers.set(inv.id, next);
  }
  return { numbers, last };
}

/** The campaigns with what finance needs, in id order, with their assignments. */
export async function loadFinanceCampaigns(pool: pg.Pool, agencyId: string): Promise<FinanceCampaign[]> {
  const { rows } = await pool.query<Omit<FinanceCampaign, "assignments">>(
    `SELECT id, "clientId", name, (CASE WHEN status = 'ON_HOLD' THEN "statusBeforeHold" ELSE status END)::text AS stage,
            currency, "ownerId", "directorId", "plannedBudget"::text AS "plannedBudget", "createdAt", "startDate", "endDate"
       FROM "Campaign" WHERE "agencyId" = $1 ORDER BY id`,
    [agencyId],
  );
  const assigned = await pool.query<{ campaignId: string; id: string; influencerId: string; fee: string | null }>(
    `SELECT "campaignId", id, "influencerId", "agreedFee"::text AS fee FROM "CampaignInfluencer"
      WHERE "agencyId" = $1 AND status IN ('ACCEPTED', 'CONTRACTED', 'ACTIVE', 'COMPLETED') ORDER BY id`,
    [agencyId],
  );
  const byCampaign = new Map<string, FinanceCampaign["assignments"]>();
  for (const a of assigned.rows) {
    const list = byCampaign.get(a.campaignId) ?? [];
    list.push({ id: a.id, influencerId: a.influencerId, fee: a.fee });
    byCampaign.set(a.campaignId, list);
  }
  return rows.map((r) => ({ ...r, assignments: byCampaign.get(r.id) ?? [] }));
}

/**
 * Financial objects per campaign (weighted by how far the campaign is, fitted to the exact total) with their
 * lines and revision 1. Two passes over the same deterministic generator: the first collects the issued
 * client invoices to number them gaplessly per year in issue order, the second writes.
 */
export async function seedFinance(pool: pg.Pool, { agencyId, seed, counts, batch, progress, add }: PhaseArgs) {
  const campaigns = counts.financialObjects > 0 ? await loadFinanceCampaigns(pool, agencyId) : [];
  const perCampaign = allocate(
    campaigns.map((c) => financeWeight(c.stage)),
    campaigns.length ? counts.financialObjects : 0,
  );
  const issued: NumberedInvoice[] = [];
  campaigns.forEach((c, i) => issued.push(...generateFinance(agencyId, seed, c, i, perCampaign[i], null).numbered));
  const { numbers, last } = numberInvoices(issued);
  const total = perCampaign.reduce((a, b) => a + b, 0);
  progress("finance", 0, total, 0);
  let written = 0;
  let done = 0;
  for (let from = 0; from < campaigns.length;) {
    const objects: Row[] = [];
    const lines: Row[] = [];
    const revisions: Row[] = [];
    let to = from;
    while (to < campaigns.length && objects.length < batch) {
      const generated = generateFinance(agencyId, seed, campaigns[to], to, perCampaign[to], numbers);
      objects.push(...generated.objects);
      lines.push(...generated.lines);
      revisions.push(...generated.revisions);
      to++;
    }
    await inTransaction(pool, async (client) => {
      await insertRows(client, FINANCIAL_OBJECT_TABLE, objects);
      for (let k = 0; k < lines.length; k += batch)
        await insertRows(client, FINANCIAL_LINE_TABLE, lines.slice(k, k + batch));
      await insertRows(client, FINANCIAL_REVISION_TABLE, revisions);
    });
    add("FinancialObject", objects.length);
    add("FinancialLine", lines.length);
    add("FinancialRevision", revisions.length);
    written += objects.length + lines.length + revisions.length;
    done += objects.length;
    progress("finance", done, total, written);
    from = to;
  }
  if (last.size) {
    const years = [...last.keys()].sort();
    await pool.query(
      `INSERT INTO "InvoiceCounter" ("agencyId", year, "lastNumber", "updatedAt") SELECT $1, y, n, now() FROM unnest($2::int[], $3::int[]) AS t(y, n)`,
      [agencyId, years, years.map((y) => last.get(y)!)],
    );
    add("InvoiceCounter", years.length);
  }
}

/**
 * Pending approvals, as the app opens them: step 1 (Finance, FIN role in the agency) of every SUBMITTED
 * financial object's current revision, and for content tasks waiting for review the latest artifact
 * version of each (SUBMITTED: internal review by the campaign owner; IN_REVIEW: the client). So the finance
 * queue and the content lists read real pending items. One INSERT … SELECT each; ids derived from the
 * subject (md5), so a rerun on the same data gives the same rows.
 */
export async function seedPendingApprovals(pool: pg.Pool, { agencyId, add }: Pick<PhaseArgs, "agencyId" | "add">) {
  const finance = await pool.query(
    `INSERT INTO "ApprovalItem" (id, "agencyId", "campaignId", type, status, "subjectType", "subjectId", "subjectVersion",
        "approverRole", "approverScopeType", step, "requestedById", "dueAt", "createdAt", "updatedAt")
     SELECT md5('approval:' || f.id::text)::uuid, f."agencyId", f."campaignId",
            (CASE f.type WHEN 'BUDGET' THEN 'BUDGET' WHEN 'CLIENT_INVOICE' THEN 'INVOICE' WHEN 'INFLUENCER_INVOICE' THEN 'INVOICE' ELSE 'FINANCE' END)::"ApprovalType",
            'PENDING', 'FinancialObject', f.id, f.revision, 'FIN', 'AGENCY', 1, COALESCE(f."submittedById", f."createdById"),
            f."updatedAt" + interval '3 days', f."updatedAt", f."updatedAt"
       FROM "FinancialObject" f WHERE f."agencyId" = $1 AND f.status = 'SUBMITTED'`,
    [agencyId],
  );
  const content = await pool.query(
    `INSERT INTO "ApprovalItem" (id, "agencyId", "campaignId", type, status, "subjectType", "subjectId", "subjectVersion",
        "approverUserId", "approverRole", "approverScopeType", "approverScopeId", step, "contentTaskId", "dueAt", "createdAt", "updatedAt")
     SELECT DISTINCT ON (t.id) md5('approval:' || a.id::text)::uuid, t."agencyId", t."campaignId", 'CONTENT', 'PENDING', 'ContentArtifact', a.id, a.version,
            CASE WHEN t.status = 'SUBMITTED' THEN c."ownerId" END,
            CASE WHEN t.status = 'IN_REVIEW' THEN 'CLIENT'::"Role" END,
            CASE WHEN t.status = 'IN_REVIEW' THEN 'CLIENT'::"ScopeType" END,
            CASE WHEN t.status = 'IN_REVIEW' THEN c."clientId" END,
            1, t.id, a."createdAt" + interval '3 days', a."createdAt", a."createdAt"
       FROM "ContentTask" t JOIN "Campaign" c ON c.id = t."campaignId" JOIN "ContentArtifact" a ON a."taskId" = t.id
      WHERE t."agencyId" = $1 AND t.status IN ('SUBMITTED', 'IN_REVIEW')
      ORDER BY t.id, a.version DESC, a."createdAt" DESC`,
    [agencyId],
  );
  add("ApprovalItem", (finance.rowCount ?? 0) + (content.rowCount ?? 0));
}
