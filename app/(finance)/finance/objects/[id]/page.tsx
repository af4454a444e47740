import type { Metadata } from "next";
import { toObjectDetail } from "@/components/finance/adapt";
import { ObjectPage } from "@/components/finance/object-page";
import { can } from "@/lib/auth/permissions";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getFinancialObject } from "@/lib/domain/finance/get-financial-object";

export const metadata: Metadata = { title: "Financial object" };

// Finance: decide, issue, record payments, void, schedule and send payouts. Not under a loading.tsx (404 for others).
export default async function FinanceObjectPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "finance.read");
  const object = toObjectDetail(await orNotFound(getFinancialObject(ctx, (await params).id)), {
    issue: can(ctx, "finance.issue"),
  });
  return (
    <ObjectPage object={object} basePath="/finance/objects" campaignHref={`/finance/campaigns/${object.campaign.id}`} />
  );
}
