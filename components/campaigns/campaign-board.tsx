import Link from "next/link";
import { EmptyState } from "@/components/shell/page-header";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { getCampaignBoard } from "@/lib/domain/campaigns/get-campaign-board";
import { boardFiltersSchema } from "@/lib/domain/campaigns/schemas";
import { nextStates } from "@/lib/domain/campaigns/status-machine";
import { formatDate } from "@/lib/utils";
import { CampaignStatusBadge, RiskBadge } from "./campaign-badges";
import { BoardMove } from "./board-move";
import { formatRange } from "./format";

/** Campaigns by phase; each card can be moved on from a menu of the machine's next states. */
export async function CampaignBoard({
  ctx,
  searchParams,
}: {
  ctx: AuthContext;
  searchParams: Record<string, string | undefined>;
}) {
  const parsed = boardFiltersSchema.safeParse(searchParams);
  const { columns } = await getCampaignBoard(ctx, parsed.success ? parsed.data : {});
  const mayMove = can(ctx, "campaign.transition");
  const mayCancel = can(ctx, "campaign.cancel");
  if (columns.every((c) => c.total === 0)) {
    return <EmptyState title="No campaigns to show">Campaigns you own or direct appear here by phase.</EmptyState>;
  }
  return (
    <div className="-mx-4 overflow-x-auto px-4 pb-2 md:mx-0 md:px-0">
      <ol className="grid auto-cols-[minmax(16rem,1fr)] grid-flow-col gap-3" aria-label="Campaign board">
        {columns.map((column) => (
          <li
            key={column.key}
            className="flex min-w-0 flex-col rounded-xl border bg-muted/40"
            aria-labelledby={`col-${column.key}`}
          >
            <h2 id={`col-${column.key}`} className="flex items-center justify-between px-3 py-2 text-sm font-semibold">
              {column.label}
              <span className="rounded bg-background px-1.5 text-xs font-normal text-muted-foreground">
                {column.total}
              </span>
            </h2>
            <ul className="grid gap-2 p-2">
              {column.cards.map((card) => (
                <li
                  key={card.id}
                  className="grid gap-2 rounded-lg border bg-card p-3 shadow-xs"
                  data-testid="board-card"
                >
                  <Link href={`/agency/campaigns/${card.id}`} className="font-medium leading-snug hover:underline">
                    {card.name}
                  </Link>
                  <p className="text-xs text-muted-foreground">
                    {card.client.name} · {card.owner.name}
                  </p>
                  <div className="flex flex-wrap gap-1">
                    <CampaignStatusBadge status={card.status} />
                    {card.riskLevel !== "LOW" ? <RiskBadge level={card.riskLevel} /> : null}
                  </div>
                  <p className="text-xs text-muted-foreground">
                    {formatRange(card.startDate, card.endDate, formatDate)}
                  </p>
                  {mayMove ? (
                    <BoardMove
                      campaignId={card.id}
                      name={card.name}
                      options={nextStates(card.status, card.statusBeforeHold).filter(
                        (s) => mayCancel || s !== "CANCELLED",
                      )}
                    />
                  ) : null}
                </li>
              ))}
              {column.cards.length === 0 ? (
                <li className="px-1 py-4 text-center text-xs text-muted-foreground">Nothing here</li>
              ) : null}
              {column.total > column.cards.length ? (
                <li className="px-1 text-xs text-muted-foreground">
                  <Link
                    href={`/agency/campaigns?${new URLSearchParams(column.statuses.map((s) => ["status", s])).toString()}`}
                    className="underline"
                  >
                    {column.total - column.cards.length} more in the table
                  </Link>
                </li>
              ) : null}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
