import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { sharedQuery, ViewToggle } from "./view-toggle";

const HEADINGS = {
  table: { title: "Campaigns", description: "Every campaign you run or direct, from draft to closing." },
  board: {
    title: "Campaign board",
    description: "Campaigns by phase. Move a campaign on from its card; the status machine says where it may go.",
  },
} as const;

/** The agency campaigns header shared by the table and board views: title, view toggle and "New campaign". */
export function CampaignsHeader({
  ctx,
  view,
  params,
}: {
  ctx: AuthContext;
  view: "table" | "board";
  params: Record<string, string | undefined>;
}) {
  return (
    <PageHeader
      title={HEADINGS[view].title}
      description={HEADINGS[view].description}
      actions={
        <>
          <ViewToggle current={view} query={sharedQuery(params)} />
          {can(ctx, "campaign.create") ? (
            <Button asChild>
              <Link href="/agency/campaigns/new">New campaign</Link>
            </Button>
          ) : null}
        </>
      }
    />
  );
}
