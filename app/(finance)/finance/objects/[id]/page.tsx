import type { Metadata } from "next";
import { ObjectPage } from "@/components/finance/object-page";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getFinancialObject } from "@/lib/domain/finance/get-financial-object";

export const metadata: Metadata = { title: "Financial object" };

// Finance: decide, issue, record payments, void, schedule and send payouts. Not under a loading.tsx (404 for others).
export default async function FinanceObjectPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "finance.read");
  const detail = await orNotFound(getFinancialObject(ctx, (await params).id));
  return (
    <ObjectPage detail={detail} basePath="/finance/objects" campaignHref={`/finance/campaigns/${detail.campaign.id}`} />
  );
}
