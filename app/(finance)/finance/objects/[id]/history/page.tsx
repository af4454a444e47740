import type { Metadata } from "next";
import { HistoryPage, pickRevisions } from "@/components/finance/history-page";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { compareRevisions } from "@/lib/domain/finance/compare-revisions";
import { getFinancialObject } from "@/lib/domain/finance/get-financial-object";

export const metadata: Metadata = { title: "Revision history" };

export default async function FinanceObjectHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "finance.read");
  const id = (await params).id;
  const detail = await orNotFound(getFinancialObject(ctx, id));
  const { from, to } = pickRevisions(await searchParams, detail.object.revision);
  const diff = from !== to ? await orNotFound(compareRevisions(ctx, id, { from, to })) : null;
  return <HistoryPage detail={detail} basePath="/finance/objects" from={from} to={to} diff={diff} />;
}
