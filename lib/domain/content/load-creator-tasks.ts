import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import type { ContentTaskStatus } from "@/lib/generated/prisma/enums";
import { countCreatorTasks, listCreatorTasks } from "./list-creator-tasks";
import { ARTIFACT_TYPE_LABELS } from "./schemas";
import type { ArtifactTypeName, CreatorTaskCard } from "./view-types";

// The creator's task list as components/content renders it (view-types.ts).

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const OPEN: ContentTaskStatus[] = [
  "ACCEPTED",
  "IN_PROGRESS",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "SCHEDULED",
];

type CreatorTaskPage = Awaited<ReturnType<typeof listCreatorTasks>>;

function toCards(page: CreatorTaskPage): CreatorTaskCard[] {
  return page.items.map((t) => {
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
}

/** The creator's tasks in three groups: offers, work in progress, and finished ones. */
export async function loadCreatorTasks(ctx: AuthContext, cursor?: string) {
  const page = await listCreatorTasks(ctx, { take: 100, cursor });
  const cards = toCards(page);
  return {
    offered: cards.filter((c) => c.status === "OFFERED"),
    active: cards.filter((c) => (OPEN as string[]).includes(c.status)),
    done: cards.filter((c) => c.status === "PUBLISHED" || c.status === "DECLINED" || c.status === "CANCELLED"),
    nextCursor: page.nextCursor ?? null,
  };
}

/**
 * The creator's home: how many offers, tasks in progress and overdue ones they have (counted over all their tasks),
 * and the first `shown` cards, offers before work in progress, newest first within each. Reads the cards it shows.
 */
export async function loadCreatorHome(ctx: AuthContext, shown = 4) {
  const [counts, offers, inProgress] = await Promise.all([
    countCreatorTasks(ctx, OPEN),
    listCreatorTasks(ctx, { statuses: ["OFFERED"], take: shown }),
    listCreatorTasks(ctx, { statuses: OPEN, take: shown }),
  ]);
  return { counts, tasks: [...toCards(offers), ...toCards(inProgress)].slice(0, shown) };
}
