import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { listCreatorTasks } from "./list-creator-tasks";
import { ARTIFACT_TYPE_LABELS } from "./schemas";
import type { ArtifactTypeName, CreatorTaskCard } from "./view-types";

// The creator's task list as components/content renders it (view-types.ts).

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const OPEN = ["ACCEPTED", "IN_PROGRESS", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "SCHEDULED"];

/** The creator's tasks in three groups: offers, work in progress, and finished ones. */
export async function loadCreatorTasks(ctx: AuthContext, cursor?: string) {
  const page = await listCreatorTasks(ctx, { take: 100, cursor });
  const cards: CreatorTaskCard[] = page.items.map((t) => {
    const newest = [...t.latestArtifacts].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt))[0];
    return {
      id: t.id,
      title: t.title,
      status: t.status,
      campaignName: t.campaign.name,
      deliverableType: t.deliverableType,
      fee: t.fee,
      currency: t.currency,
      dueAt: iso(t.dueAt),
      overdue: t.overdue,
      nextDue: (t.nextStep.artifactType as ArtifactTypeName | null) ?? null,
      latest: newest
        ? `${ARTIFACT_TYPE_LABELS[newest.artifactType as ArtifactTypeName]} v${newest.version} · ${t.nextStep.text}`
        : t.status === "OFFERED"
          ? null
          : t.nextStep.text,
    };
  });
  return {
    offered: cards.filter((c) => c.status === "OFFERED"),
    active: cards.filter((c) => OPEN.includes(c.status)),
    done: cards.filter((c) => c.status === "PUBLISHED" || c.status === "DECLINED" || c.status === "CANCELLED"),
    nextCursor: page.nextCursor ?? null,
  };
}
