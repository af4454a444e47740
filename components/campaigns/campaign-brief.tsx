import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CampaignDetail } from "@/lib/domain/campaigns/get-campaign";
import { formatDateTime } from "@/lib/utils";
import { Markdown } from "./markdown";

export function CampaignBrief({ campaign, showRevisions }: { campaign: CampaignDetail; showRevisions: boolean }) {
  return (
    <Card id="brief">
      <CardHeader>
        <CardTitle>Brief</CardTitle>
        <CardDescription>
          {campaign.briefRevision ? `Revision ${campaign.briefRevision}` : "No brief yet"}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {campaign.brief ? (
          <Markdown source={campaign.brief} />
        ) : (
          <p className="text-sm text-muted-foreground">The brief has not been written yet.</p>
        )}
        {showRevisions && campaign.briefs.length > 1 ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-muted-foreground">{campaign.briefs.length} revisions</summary>
            <ul className="mt-2 grid gap-1">
              {campaign.briefs.map((b) => (
                <li key={b.id}>
                  Revision {b.revision} · {formatDateTime(b.createdAt)}
                  {b.createdBy ? ` · ${b.createdBy}` : ""}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}
