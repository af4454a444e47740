import type { Metadata } from "next";
import Link from "next/link";
import { InfluencersTable } from "@/components/influencers/influencers-table";
import { QuickAddDialog } from "@/components/influencers/quick-add-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Influencers" };

export default async function InfluencersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "influencer.read");
  const params = await searchParams;
  const exportQuery = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "page"),
  ).toString();
  return (
    <>
      <PageHeader
        title="Influencers"
        description="The agency's directory: search by name or handle, filter, and open a profile."
        actions={
          <>
            {can(ctx, "influencer.manage") ? (
              <>
                <QuickAddDialog />
                <Button asChild variant="outline">
                  <Link href="/agency/influencers/import">Import CSV</Link>
                </Button>
              </>
            ) : null}
            <Button asChild variant="outline">
              <a href={`/api/influencers/export.csv${exportQuery ? `?${exportQuery}` : ""}`} download>
                Export CSV
              </a>
            </Button>
          </>
        }
      />
      <InfluencersTable ctx={ctx} basePath="/agency/influencers" searchParams={params} />
    </>
  );
}
