import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { csvStream } from "@/lib/csv";
import { money } from "./money";
import { listWhere } from "./list-financial-objects";
import { requireFinanceStaff } from "./scope";

export const EXPORT_MAX_ROWS = 50_000;
const BATCH = 1000;

export const FINANCE_EXPORT_HEADER = [
  "id",
  "type",
  "status",
  "number",
  "title",
  "campaign",
  "client",
  "currency",
  "subtotal",
  "tax",
  "total",
  "paid",
  "outstanding",
  "issue_date",
  "due_date",
  "scheduled_for",
  "revision",
  "created_at",
] as const;

/**
 * The list with the same filters as CSV (every page): amounts as plain numbers with two decimals and the
 * currency in its own column. Audited as a sensitive read before the first byte leaves. Staff only.
 */
export async function exportFinancialObjectsCsv(ctx: AuthContext, raw: unknown): Promise<ReadableStream<Uint8Array>> {
  requireFinanceStaff(ctx);
  const { where, input } = listWhere(ctx, { ...(raw as object), take: 1, cursor: undefined, page: undefined });
  const recorded = Object.fromEntries(
    Object.entries(input).filter(([key, value]) => value !== undefined && !["take", "page", "cursor"].includes(key)),
  );
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: "finance.export",
      model: "FinancialObject",
      display: "Financial objects (CSV)",
      after: { filters: recorded },
    }),
  );
  return csvStream(
    FINANCE_EXPORT_HEADER,
    (offset, limit) =>
      db.financialObject.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        skip: offset,
        take: limit,
        include: { campaign: { select: { name: true, client: { select: { name: true } } } } },
      }),
    (r) => [
      r.id,
      r.type,
      r.status,
      r.number,
      r.title,
      r.campaign.name,
      r.campaign.client.name,
      r.currency,
      money(r.subtotal),
      money(r.taxAmount),
      money(r.total),
      money(r.paidAmount),
      money(r.total.minus(r.paidAmount)),
      r.issueDate?.toISOString().slice(0, 10),
      r.dueDate?.toISOString().slice(0, 10),
      r.scheduledFor?.toISOString().slice(0, 10),
      r.revision,
      r.createdAt,
    ],
    { batch: BATCH, maxRows: EXPORT_MAX_ROWS },
  );
}
