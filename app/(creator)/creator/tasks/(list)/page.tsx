import type { Metadata } from "next";
import { CreatorTaskCards } from "@/components/content/creator-task-cards";
import { loadCreatorTasks } from "@/lib/domain/content/load-creator-tasks";
import { PageHeader } from "@/components/shell/page-header";
import Link from "next/link";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your tasks" };

export default async function CreatorTasksPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const ctx = await requirePortal("creator");
  await requirePagePermission(ctx, "creator.self");
  const { cursor } = await searchParams;
  const { offered, active, done, nextCursor } = await loadCreatorTasks(ctx, cursor);
  return (
    <>
      <PageHeader
        title="Your tasks"
        description="Offers from the agency, the content you are making, and the feedback on each version."
      />
      <div className="grid gap-8">
        <section aria-labelledby="offers-heading" className="grid gap-3">
          <h2 id="offers-heading" className="text-lg font-semibold">
            Offers
          </h2>
          {offered.length ? (
            <CreatorTaskCards tasks={offered} />
          ) : (
            <p className="text-sm text-muted-foreground">No open offers.</p>
          )}
        </section>
        <section aria-labelledby="active-heading" className="grid gap-3">
          <h2 id="active-heading" className="text-lg font-semibold">
            In progress
          </h2>
          {active.length ? (
            <CreatorTaskCards tasks={active} />
          ) : (
            <p className="text-sm text-muted-foreground">Nothing in progress. Accept an offer to start.</p>
          )}
        </section>
        {done.length ? (
          <section aria-labelledby="done-heading" className="grid gap-3">
            <h2 id="done-heading" className="text-lg font-semibold">
              Done, declined or cancelled
            </h2>
            <CreatorTaskCards tasks={done} />
          </section>
        ) : null}
        {nextCursor ? (
          <Link
            href={`/creator/tasks?cursor=${nextCursor}`}
            className="justify-self-start text-sm text-primary underline-offset-4 hover:underline"
          >
            More tasks
          </Link>
        ) : null}
      </div>
    </>
  );
}
