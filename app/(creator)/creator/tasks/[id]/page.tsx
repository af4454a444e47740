import type { Metadata } from "next";
import { ContentWorkspace } from "@/components/content/content-workspace";
import { pickArtifact } from "@/components/content/types";
import { loadCompare } from "@/lib/domain/content/load-compare";
import { loadTaskView } from "@/lib/domain/content/load-task-view";
import { ReportPublished } from "@/components/content/report-published";
import { RespondToTask } from "@/components/content/respond-to-task";
import { ReviewHistory, TaskFacts } from "@/components/content/task-facts";
import { OverdueBadge, TaskStatusBadge } from "@/components/content/task-badges";
import { UploadForm } from "@/components/content/upload-form";
import { ARTIFACT_TYPE_LABELS, type ArtifactTypeName } from "@/components/content/types";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { commentOnArtifactCreatorAction } from "@/lib/actions/content";

export const metadata: Metadata = { title: "Task" };

// Not under a loading.tsx boundary: another influencer's task must answer 404.
export default async function CreatorTaskPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ v?: string; from?: string; to?: string }>;
}) {
  const ctx = await requirePortal("creator");
  await requirePagePermission(ctx, "creator.self");
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const task = await orNotFound(loadTaskView(ctx, id));
  const current = pickArtifact(task, search.v);
  const compare = await loadCompare(ctx, task, search.from, search.to);
  const types: ArtifactTypeName[] = task.requiredArtifacts.length ? task.requiredArtifacts : ["DRAFT"];
  const nextVersion = Object.fromEntries(
    types.map((t) => [
      t,
      (task.groups.find((g) => g.type === t)?.versions.reduce((m, v) => Math.max(m, v.version), 0) ?? 0) + 1,
    ]),
  );
  return (
    <>
      <Breadcrumb parent={{ href: "/creator/tasks", label: "Tasks" }} current={task.title} />
      <PageHeader
        title={task.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TaskStatusBadge status={task.status} />
            <OverdueBadge overdue={task.overdue} />
            <span>{task.campaign.name}</span>
            {task.nextDue && task.status !== "OFFERED" ? (
              <span>· due next: {ARTIFACT_TYPE_LABELS[task.nextDue]}</span>
            ) : null}
          </span>
        }
      />
      <ContentWorkspace
        task={task}
        current={current}
        compare={compare}
        basePath={`/creator/tasks/${id}`}
        comment={task.can.comment ? commentOnArtifactCreatorAction : undefined}
        commentContext={{ taskId: id }}
        staff={false}
        side={
          <>
            {task.status === "OFFERED" ? (
              <Card>
                <CardHeader>
                  <CardTitle>Respond to the offer</CardTitle>
                </CardHeader>
                <CardContent>
                  <RespondToTask taskId={id} title={task.title} />
                </CardContent>
              </Card>
            ) : null}
            {task.can.upload ? (
              <Card>
                <CardHeader>
                  <CardTitle>Upload a new version</CardTitle>
                </CardHeader>
                <CardContent>
                  <UploadForm
                    taskId={id}
                    types={types}
                    defaultType={task.nextDue && types.includes(task.nextDue) ? task.nextDue : types[0]}
                    nextVersion={nextVersion}
                  />
                </CardContent>
              </Card>
            ) : null}
            {task.status === "APPROVED" || task.status === "SCHEDULED" ? (
              <Card>
                <CardHeader>
                  <CardTitle>Posted it?</CardTitle>
                </CardHeader>
                <CardContent>
                  <ReportPublished taskId={id} title={task.title} />
                </CardContent>
              </Card>
            ) : null}
            <TaskFacts task={task} />
            <section aria-label="Feedback">
              <ReviewHistory reviews={task.reviews} staff={false} title="Feedback" />
            </section>
          </>
        }
      />
    </>
  );
}
