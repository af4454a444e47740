import type { Metadata } from "next";
import { ObjectPage } from "@/components/finance/object-page";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getFinancialObject } from "@/lib/domain/finance/get-financial-object";

export const metadata: Metadata = { title: "Financial object" };

// Campaign managers and directors: the object, its approval chain, revise, submit, decide. Not under a loading.tsx (404 for others).
export default async function AgencyFinancialObjectPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "finance.read");
  const detail = await orNotFound(getFinancialObject(ctx, (await params).id));
  return (
    <ObjectPage
      detail={detail}
      basePath="/agency/finance"
      campaignHref={`/agency/campaigns/${detail.campaign.id}/finance`}
    />
  );
}
