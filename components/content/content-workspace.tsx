import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ArtifactViewer, type CommentActionFn } from "./artifact-viewer";
import { ComparePicker } from "./compare-picker";
import { CompareView } from "./compare-view";
import { ReviewBadge, VersionList } from "./version-list";
import {
  allVersions,
  ARTIFACT_TYPE_LABELS,
  type ArtifactView,
  type CompareResult,
  type ContentTaskView,
} from "./types";

/**
 * The viewer of one task's content, shared by the agency review page, the creator's task page and the
 * client's review: the chosen version with its comments, the version history and the comparison of two
 * versions. `side` holds the portal's own controls (review, decision, upload) above the history.
 */
export function ContentWorkspace({
  task,
  current,
  compare,
  basePath,
  comment,
  commentContext,
  staff,
  side,
  visibleVersions,
}: {
  task: ContentTaskView;
  current: ArtifactView | null;
  compare: CompareResult;
  /** The page's own path: version links and the compare form point at it. */
  basePath: string;
  comment?: CommentActionFn;
  commentContext?: Record<string, string>;
  staff: boolean;
  side?: React.ReactNode;
  /** The versions this viewer may see (the client: only those sent to them). */
  visibleVersions?: ArtifactView[];
}) {
  const versions = visibleVersions ?? allVersions(task);
  const groups = task.groups.map((g) => ({
    type: g.type,
    versions: g.versions.filter((v) => versions.some((x) => x.id === v.id)),
  }));
  const comments = current ? task.comments.filter((c) => c.artifactId === current.id) : [];
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="grid min-w-0 content-start gap-6">
        <Card>
          <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
            <CardTitle>
              {current ? `${ARTIFACT_TYPE_LABELS[current.artifactType]} — version ${current.version}` : "Content"}
            </CardTitle>
            {current ? <ReviewBadge artifact={current} /> : null}
          </CardHeader>
          <CardContent>
            {current ? (
              <ArtifactViewer
                key={current.id}
                artifact={current}
                comments={comments}
                comment={comment}
                commentContext={commentContext}
                staff={staff}
              />
            ) : (
              <p className="text-sm text-muted-foreground">
                Nothing uploaded yet. Versions appear here as the influencer uploads them.
              </p>
            )}
          </CardContent>
        </Card>
        {versions.length > 1 || compare ? (
          <Card id="compare">
            <CardHeader>
              <CardTitle>Compare versions</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <ComparePicker
                action={`${basePath}#compare`}
                versions={versions}
                from={compare?.from.id}
                to={compare?.to.id}
                keep={current ? { v: current.id } : undefined}
              />
              {compare ? <CompareView from={compare.from} to={compare.to} diff={compare.diff} /> : null}
            </CardContent>
          </Card>
        ) : null}
      </div>
      <div className="grid min-w-0 content-start gap-6">
        {side}
        <section aria-labelledby="versions-heading">
          <Card>
            <CardHeader>
              <CardTitle id="versions-heading">Versions</CardTitle>
            </CardHeader>
            <CardContent>
              <VersionList groups={groups} currentId={current?.id ?? null} href={(id) => `${basePath}?v=${id}`} />
            </CardContent>
          </Card>
        </section>
      </div>
    </div>
  );
}
