import type { Metadata } from "next";
import { ContentWorkspace } from "@/components/content/content-workspace";
import { CancelTask } from "@/components/content/cancel-task";
import { EditTask } from "@/components/content/edit-task";
import { PublicationButton } from "@/components/content/publication-form";
import { ReviewActions } from "@/components/content/review-actions";
import { ReviewHistory, TaskFacts } from "@/components/content/task-facts";
import { OverdueBadge, TaskStatusBadge } from "@/components/content/task-badges";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { notFound } from "next/navigation";
import { pickArtifact } from "@/components/content/types";
import { loadCompare } from "@/lib/domain/content/load-compare";
import { loadTaskView } from "@/lib/domain/content/load-task-view";
import { commentOnArtifactStaffAction } from "@/lib/actions/content";

export const metadata: Metadata = { title: "Content review" };

type Search = { v?: string; from?: string; to?: string };

// Not under a loading.tsx boundary: a task outside the caller's campaigns must answer 404.
export default async function ContentReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; taskId: string }>;
  searchParams: Promise<Search>;
}) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "content.read");
  const [{ id, taskId }, search] = await Promise.all([params, searchParams]);
  const task = await orNotFound(loadTaskView(ctx, taskId));
  if (task.campaign.id !== id) notFound();
  const current = pickArtifact(task, search.v);
  const compare = await loadCompare(ctx, task, search.from, search.to);
  const basePath = `/agency/campaigns/${id}/content/${taskId}`;
  return (
    <>
      <Breadcrumb
        parent={{ href: `/agency/campaigns/${id}/content`, label: `${task.campaign.name} — content` }}
        current={task.title}
      />
      <PageHeader
        title={task.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TaskStatusBadge status={task.status} />
            <OverdueBadge overdue={task.overdue} />
            <span>{task.influencerName}</span>
          </span>
        }
      />
      <ContentWorkspace
        task={task}
        current={current}
        compare={compare}
        basePath={basePath}
        comment={task.can.comment ? commentOnArtifactStaffAction : undefined}
        commentContext={{ campaignId: id, taskId }}
        staff
        side={
          <>
            {current && (current.canReview || current.canSend || task.can.sendHint) ? (
              <Card>
                <CardHeader>
                  <CardTitle>Review version {current.version}</CardTitle>
                </CardHeader>
                <CardContent>
                  <ReviewActions
                    campaignId={id}
                    taskId={taskId}
                    artifactId={current.id}
                    version={current.version}
                    canReview={current.canReview}
                    canSend={current.canSend}
                    sendHint={task.can.sendHint}
                  />
                </CardContent>
              </Card>
            ) : null}
            {task.can.recordPublication ? (
              <Card>
                <CardHeader>
                  <CardTitle>Published post</CardTitle>
                </CardHeader>
                <CardContent className="grid gap-3 text-sm">
                  {task.publication.publishedUrl ? (
                    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                      {(["views", "reach", "likes", "comments", "shares", "saves", "clicks"] as const).map((m) => (
                        <div key={m} className="contents">
                          <dt className="capitalize text-muted-foreground">{m}</dt>
                          <dd className="tabular-nums">{task.publication[m]?.toLocaleString("en-GB") ?? "—"}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : (
                    <p className="text-muted-foreground">Not recorded yet.</p>
                  )}
                  <PublicationButton campaignId={id} taskId={taskId} title={task.title} current={task.publication} />
                </CardContent>
              </Card>
            ) : null}
            <TaskFacts task={task} />
            <ReviewHistory reviews={task.reviews} staff />
            {task.can.edit ? <EditTask campaignId={id} task={task} /> : null}
            {task.can.cancel ? <CancelTask campaignId={id} taskId={taskId} title={task.title} /> : null}
          </>
        }
      />
    </>
  );
}
