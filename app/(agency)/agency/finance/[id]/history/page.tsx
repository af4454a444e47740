import type { Metadata } from "next";
import { toDiff, toObjectDetail } from "@/components/finance/adapt";
import { HistoryPage, pickRevisions } from "@/components/finance/history-page";
import { can } from "@/lib/auth/permissions";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { compareRevisions } from "@/lib/domain/finance/compare-revisions";
import { getFinancialObject } from "@/lib/domain/finance/get-financial-object";

export const metadata: Metadata = { title: "Revision history" };

export default async function AgencyObjectHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "finance.read");
  const id = (await params).id;
  const object = toObjectDetail(await orNotFound(getFinancialObject(ctx, id)), { issue: can(ctx, "finance.issue") });
  const { from, to } = pickRevisions(await searchParams, object.revision);
  const diff =
    from !== to
      ? toDiff(
          await orNotFound(compareRevisions(ctx, id, { from, to })),
          object.currency,
          new Map(object.lines.map((l, i) => [i + 1, l.description])),
        )
      : null;
  return <HistoryPage object={object} basePath="/agency/finance" from={from} to={to} diff={diff} />;
}
