import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { requireFinanceStaff } from "./scope";

export type PayoutOwed = {
  influencerId: string;
  influencerName: string;
  currency: string;
  /** Approved influencer invoices not yet paid out: total − paid. */
  owed: string;
  /** Part of it with a payout scheduled (not yet sent). */
  scheduled: string;
  /** owed − scheduled: nobody has planned it yet. */
  unscheduled: string;
  nextScheduledFor: string | null;
  invoices: number;
};

export type ScheduledPayout = {
  id: string;
  influencerId: string | null;
  influencerName: string | null;
  campaignId: string;
  campaignName: string;
  currency: string;
  total: string;
  scheduledFor: string | null;
  parentId: string | null;
};

/**
 * What the agency owes to whom and when, per influencer and currency (SQL sums), and the scheduled payouts
 * in date order. Staff only; FIN and DIR see every campaign, a CM their own.
 */
export async function listPayoutsOwed(ctx: AuthContext) {
  requireFinanceStaff(ctx);
  const seesAll = ctx.grants.some((g) => g.scopeType === "AGENCY" && g.permissions.has("campaign.read.all"));
  const mine = seesAll ? null : ctx.userId;
  const [owed, scheduled] = await Promise.all([
    db.$queryRaw<
      (Omit<PayoutOwed, "invoices" | "nextScheduledFor"> & { invoices: number; nextScheduledFor: Date | null })[]
    >`
      SELECT i.id AS "influencerId", i."displayName" AS "influencerName", f.currency,
             sum(f.total - f."paidAmount")::text AS owed,
             COALESCE(sum(p.scheduled), 0)::text AS scheduled,
             (sum(f.total - f."paidAmount") - COALESCE(sum(p.scheduled), 0))::text AS unscheduled,
             min(p.next) AS "nextScheduledFor", count(*)::int AS invoices
      FROM "FinancialObject" f
      JOIN "InfluencerProfile" i ON i.id = f."influencerId"
      JOIN "Campaign" c ON c.id = f."campaignId"
      LEFT JOIN LATERAL (
        SELECT sum(x.total) AS scheduled, min(x."scheduledFor") AS next FROM "FinancialObject" x
        WHERE x."parentId" = f.id AND x.type = 'PAYOUT' AND x.status = 'APPROVED'
      ) p ON true
      WHERE f."agencyId" = ${ctx.agencyId}::uuid AND f.type = 'INFLUENCER_INVOICE' AND f.status = 'APPROVED'
        AND (${mine}::uuid IS NULL OR c."ownerId" = ${mine}::uuid OR c."directorId" = ${mine}::uuid)
      GROUP BY i.id, i."displayName", f.currency
      ORDER BY min(p.next) NULLS LAST, i."displayName"`,
    db.$queryRaw<(Omit<ScheduledPayout, "scheduledFor"> & { scheduledFor: Date | null })[]>`
      SELECT f.id, f."influencerId", i."displayName" AS "influencerName", f."campaignId", c.name AS "campaignName", f.currency, f.total::text AS total, f."scheduledFor", f."parentId"
      FROM "FinancialObject" f
      JOIN "Campaign" c ON c.id = f."campaignId"
      LEFT JOIN "InfluencerProfile" i ON i.id = f."influencerId"
      WHERE f."agencyId" = ${ctx.agencyId}::uuid AND f.type = 'PAYOUT' AND f.status = 'APPROVED'
        AND (${mine}::uuid IS NULL OR c."ownerId" = ${mine}::uuid OR c."directorId" = ${mine}::uuid)
      ORDER BY f."scheduledFor" NULLS LAST, f."createdAt"
      LIMIT 500`,
  ]);
  return {
    owed: owed.map((r): PayoutOwed => ({
      ...r,
      nextScheduledFor: r.nextScheduledFor?.toISOString().slice(0, 10) ?? null,
    })),
    scheduled: scheduled.map((r): ScheduledPayout => ({
      ...r,
      scheduledFor: r.scheduledFor?.toISOString().slice(0, 10) ?? null,
    })),
  };
}
