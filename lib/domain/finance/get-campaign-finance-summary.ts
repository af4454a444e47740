import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { campaignScopeSql } from "@/lib/domain/campaigns/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CurrencySummary, SummaryFigures } from "./view-types";
import { dec, money } from "./money";
import { requireFinanceStaff } from "./scope";
import { FINANCIAL_CATEGORIES } from "./schemas";
import { idSchema } from "@/lib/domain/id";

export type { CurrencySummary, SummaryFigures };

type Row = {
  currency: string;
  category: string;
  budget: string;
  budget_pending: string;
  committed: string;
  invoiced: string;
  paid: string;
  quoted: string;
  client_invoiced: string;
  received: string;
};

/**
 * Budget vs committed vs invoiced vs paid of one campaign, per currency (never added across currencies) and
 * per category, summed in SQL in one statement that also checks the campaign is in the caller's scope:
 * - budget: lines of APPROVED budgets (budgetPending: of drafts and budgets waiting for approval);
 * - committed: agreed fees of contracted influencers (influencer fees) + approved purchase orders and expenses;
 * - invoiced: approved influencer invoices and expenses;
 * - paid: payouts sent to influencers (influencer fees) and paid expenses.
 * Line figures are net of tax; payouts are what left the bank. Overrun: committed or invoiced above budget
 * (a category without budget overruns as soon as it has costs, once the currency has a budget).
 */
export async function getCampaignFinanceSummary(
  ctx: AuthContext,
  campaignId: string,
): Promise<{ campaignId: string; currencies: CurrencySummary[] }> {
  requireFinanceStaff(ctx);
  const scope = campaignScopeSql(ctx, "finance.read");
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  // One statement: the campaign in the caller's scope, and its sums (none when it is not in scope: no row).
  const rows = await queryRows<Row | { [K in keyof Row]: null }>(Prisma.sql`
    SELECT s.* FROM "Campaign" c
    LEFT JOIN LATERAL (
      SELECT currency, category,
             sum(budget)::text AS budget, sum(budget_pending)::text AS budget_pending, sum(committed)::text AS committed,
             sum(invoiced)::text AS invoiced, sum(paid)::text AS paid, sum(quoted)::text AS quoted,
             sum(client_invoiced)::text AS client_invoiced, sum(received)::text AS received
      FROM (
        SELECT f.currency,
               COALESCE(l.category::text, CASE WHEN f.type = 'INFLUENCER_INVOICE' THEN 'INFLUENCER_FEES' ELSE 'OTHER' END) AS category,
               CASE WHEN f.type = 'BUDGET' AND f.status = 'APPROVED' THEN l.amount ELSE 0 END AS budget,
               CASE WHEN f.type = 'BUDGET' AND f.status IN ('DRAFT', 'SUBMITTED') THEN l.amount ELSE 0 END AS budget_pending,
               CASE WHEN f.type IN ('PURCHASE_ORDER', 'EXPENSE') AND f.status IN ('APPROVED', 'ISSUED', 'PAID') THEN l.amount ELSE 0 END AS committed,
               CASE WHEN f.type IN ('INFLUENCER_INVOICE', 'EXPENSE') AND f.status IN ('APPROVED', 'ISSUED', 'PAID') THEN l.amount ELSE 0 END AS invoiced,
               CASE WHEN f.type = 'EXPENSE' AND f.status = 'PAID' THEN l.amount ELSE 0 END AS paid,
               0::numeric AS quoted, 0::numeric AS client_invoiced, 0::numeric AS received
        FROM "FinancialObject" f JOIN "FinancialLine" l ON l."objectId" = f.id
        WHERE f."campaignId" = c.id AND f."agencyId" = c."agencyId"
          AND f.type IN ('BUDGET', 'PURCHASE_ORDER', 'EXPENSE', 'INFLUENCER_INVOICE')
        UNION ALL
        SELECT f.currency, 'INFLUENCER_FEES', 0, 0, 0, 0, f.total, 0, 0, 0
        FROM "FinancialObject" f
        WHERE f."campaignId" = c.id AND f."agencyId" = c."agencyId" AND f.type = 'PAYOUT' AND f.status = 'PAID'
        UNION ALL
        SELECT ci.currency, 'INFLUENCER_FEES', 0, 0, ci."agreedFee", 0, 0, 0, 0, 0
        FROM "CampaignInfluencer" ci
        WHERE ci."campaignId" = c.id AND ci."agencyId" = c."agencyId" AND ci."agreedFee" IS NOT NULL
          AND ci.status IN ('CONTRACTED', 'ACTIVE', 'COMPLETED')
        UNION ALL
        SELECT f.currency, '_CLIENT', 0, 0, 0, 0, 0,
               CASE WHEN f.type = 'QUOTE' AND f.status = 'APPROVED' THEN f.total ELSE 0 END,
               CASE WHEN f.type = 'CLIENT_INVOICE' AND f.status IN ('ISSUED', 'PAID') THEN f.total ELSE 0 END,
               CASE WHEN f.type = 'CLIENT_INVOICE' AND f.status IN ('ISSUED', 'PAID') THEN f."paidAmount" ELSE 0 END
        FROM "FinancialObject" f
        WHERE f."campaignId" = c.id AND f."agencyId" = c."agencyId" AND f.type IN ('QUOTE', 'CLIENT_INVOICE')
      ) facts
      GROUP BY currency, category
    ) s ON true
    WHERE c.id = ${campaignId}::uuid AND ${scope}
    ORDER BY s.currency, s.category`);
  if (!rows.length) throw notFound("Campaign");
  return { campaignId, currencies: summarize(rows.filter((r): r is Row => r.currency !== null)) };
}

function summarize(rows: Row[]): CurrencySummary[] {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const mine = rows.filter((r) => r.currency === currency);
    const costs = mine.filter((r) => r.category !== "_CLIENT");
    const client = mine.find((r) => r.category === "_CLIENT");
    const total = (k: keyof Row) => costs.reduce((s, r) => s.plus(dec(r[k])), dec(0));
    const hasBudget = total("budget").gt(0);
    const over = (b: string, c: string, i: string) => hasBudget && (dec(c).gt(b) || dec(i).gt(b));
    const lines = FINANCIAL_CATEGORIES.flatMap((category) => {
      const r = costs.find((x) => x.category === category);
      if (!r) return [];
      const figures = {
        budget: money(r.budget),
        committed: money(r.committed),
        invoiced: money(r.invoiced),
        paid: money(r.paid),
      };
      if ([r.budget, r.committed, r.invoiced, r.paid, r.budget_pending].every((v) => dec(v).isZero())) return [];
      return [{ category, ...figures, overrun: over(r.budget, r.committed, r.invoiced) }];
    });
    const t = {
      budget: money(total("budget")),
      committed: money(total("committed")),
      invoiced: money(total("invoiced")),
      paid: money(total("paid")),
    };
    const invoiced = dec(client?.client_invoiced);
    const received = dec(client?.received);
    return {
      currency,
      lines,
      total: { ...t, budgetPending: money(total("budget_pending")), overrun: over(t.budget, t.committed, t.invoiced) },
      client: {
        quoted: money(client?.quoted),
        invoiced: money(invoiced),
        received: money(received),
        outstanding: money(invoiced.minus(received)),
      },
    };
  });
}
