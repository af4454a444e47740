import type { Metadata } from "next";
import { ImportWizard } from "@/components/influencers/import-wizard";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Import influencers" };

export default async function ImportInfluencersPage() {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "influencer.manage");
  return (
    <>
      <Breadcrumb parent={{ href: "/agency/influencers", label: "Influencers" }} current="Import" />
      <PageHeader
        title="Import influencers"
        description="Every row is checked before anything is written; each row is saved on its own."
      />
      <ImportWizard />
    </>
  );
}
