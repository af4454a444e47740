import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { formatFee } from "@/lib/domain/format-money";
import { listShortlist } from "@/lib/domain/shortlist/list-shortlist";
import { getCampaignContentTotals } from "./content-totals";
import { getCampaignContentBoard } from "./list-campaign-tasks";
import type { ArtifactTypeName, ContractedInfluencer, PublicationView, TaskRowView } from "./view-types";

// The campaign's content page as components/content renders it (view-types.ts): each domain read it needs,
// shaped once (dates as ISO strings) for the page to hand to the components.

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const TASKABLE = ["CONTRACTED", "ACTIVE"];
const STAGE_LABEL = { INTERNAL: "agency review", CLIENT: "the client" } as const;

/** The campaign's content tab: the campaign, its tasks, the contracted influencers and the totals. */
export async function loadBoardView(ctx: AuthContext, campaignId: string) {
  const shortlist = await listShortlist(ctx, campaignId);
  const [board, totals] = await Promise.all([
    getCampaignContentBoard(ctx, campaignId),
    getCampaignContentTotals(ctx, campaignId),
  ]);
  const items = board.columns.flatMap((c) => c.cards);
  const tasks: TaskRowView[] = items.map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    influencerName: t.influencer.name,
    deliverableType: t.deliverableType,
    dueAt: iso(t.dueAt),
    overdue: t.overdue,
    latest: t.latestArtifacts.map((a) => ({ type: a.artifactType as ArtifactTypeName, version: a.version })),
    pendingStage: t.pendingStage ? STAGE_LABEL[t.pendingStage] : null,
  }));
  const contracted: ContractedInfluencer[] = shortlist.lines
    .filter((l) => TASKABLE.includes(l.status))
    .map((l) => ({
      assignmentId: l.id,
      name: l.influencer.displayName,
      fee:
        l.proposedFee === null ? null : formatFee(l.proposedFee.toFixed(2), l.currency ?? shortlist.campaign.currency),
    }));
  const publications: Record<string, PublicationView> = Object.fromEntries(
    items.map((t) => [
      t.id,
      {
        publishedUrl: t.publishedUrl,
        publishedAt: null,
        views: null,
        reach: null,
        likes: null,
        comments: null,
        shares: null,
        saves: null,
        clicks: null,
      },
    ]),
  );
  return {
    campaign: { id: shortlist.campaign.id, name: shortlist.campaign.name, status: shortlist.campaign.status },
    tasks,
    contracted,
    publications,
    totals: { published: totals.published, ...totals.totals },
  };
}
