import type { Metadata } from "next";
import Link from "next/link";
import { CreatorTaskCards } from "@/components/content/creator-task-cards";
import { loadCreatorHome } from "@/lib/domain/content/load-creator-tasks";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Creator dashboard" };

export default async function CreatorDashboard() {
  const ctx = await requirePortal("creator");
  const { counts, tasks } = await loadCreatorHome(ctx);
  const { offered, active, overdue } = counts;
  return (
    <>
      <PageHeader
        title={`Hi ${ctx.name.split(" ")[0]}`}
        description="Your tasks, events and earnings with the agency."
      />
      <div className="grid gap-6 md:grid-cols-[2fr_1fr]">
        {offered + active === 0 ? (
          <EmptyState title="No tasks offered to you yet">
            When the agency offers you a task, it appears here with its fee and due date.
          </EmptyState>
        ) : (
          <section aria-labelledby="home-tasks" className="grid content-start gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="home-tasks" className="text-lg font-semibold">
                Your tasks
              </h2>
              <p className="text-sm text-muted-foreground">
                {offered} offer{offered === 1 ? "" : "s"} · {active} in progress
                {overdue ? ` · ${overdue} overdue` : ""}
              </p>
            </div>
            <CreatorTaskCards tasks={tasks} respond={false} />
            <Link href="/creator/tasks" className="text-sm text-primary underline-offset-4 hover:underline">
              All your tasks
            </Link>
          </section>
        )}
        <Card>
          <CardHeader>
            <CardTitle>Your account</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-1 text-sm">
            <p className="font-medium">{ctx.name}</p>
            <p className="text-muted-foreground">{ctx.email}</p>
            <p className="text-muted-foreground">Two-factor authentication: {ctx.mfaEnabled ? "on" : "off"}</p>
            <Link href="/account" className="mt-2 text-primary underline-offset-4 hover:underline">
              Account and security
            </Link>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
