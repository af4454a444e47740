import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CampaignDetail } from "@/lib/domain/campaigns/get-campaign";
import { STATUS_LABELS } from "@/lib/domain/campaigns/status-machine";
import { formatDateTime } from "@/lib/utils";

/** Status changes, newest first: from → to, who, when, why. */
export function CampaignHistory({ history }: { history: CampaignDetail["history"] }) {
  return (
    <Card id="history">
      <CardHeader>
        <CardTitle>History</CardTitle>
      </CardHeader>
      <CardContent>
        {history.length === 0 ? (
          <p className="text-sm text-muted-foreground">No status changes yet.</p>
        ) : (
          <ol className="grid gap-3" aria-label="Status history">
            {history.map((h) => (
              <li key={h.id} className="border-l-2 pl-3 text-sm">
                <p className="font-medium">
                  {h.from ? `${STATUS_LABELS[h.from]} → ${STATUS_LABELS[h.to]}` : `Created as ${STATUS_LABELS[h.to]}`}
                </p>
                <p className="text-xs text-muted-foreground">
                  {formatDateTime(h.createdAt)}
                  {h.changedBy?.name ? ` · ${h.changedBy.name}` : ""}
                </p>
                {h.reason ? <p className="mt-1 text-sm">{h.reason}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
