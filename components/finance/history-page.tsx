import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import type { FinancialObjectDetail, RevisionDiff as RevisionDiffData } from "@/lib/domain/finance/view-types";
import { RevisionDiff } from "./revision-diff";
import { RevisionHistory } from "./revision-history";
import { FINANCE_TYPE_LABELS, FinanceStatusBadge } from "./status";

/** An object's revisions (who, when, why) and the differences between the two picked. */
export function HistoryPage({
  detail,
  basePath,
  from,
  to,
  diff,
}: {
  detail: FinancialObjectDetail;
  basePath: string;
  from: number;
  to: number;
  diff: RevisionDiffData | null;
}) {
  const { object, revisions } = detail;
  const label = FINANCE_TYPE_LABELS[object.type] ?? object.type;
  return (
    <>
      <Breadcrumb parent={{ href: `${basePath}/${object.id}`, label: object.title }} current="History" />
      <PageHeader
        title={`History — ${label} ${object.number ?? ""} ${object.title}`.replace(/\s+/g, " ")}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <FinanceStatusBadge status={object.status} /> {revisions.length} revision
            {revisions.length === 1 ? "" : "s"} · {detail.campaign.name}
          </span>
        }
      />
      <div className="grid gap-6 *:min-w-0">
        <RevisionHistory revisions={revisions} from={from} to={to} action={`${basePath}/${object.id}/history`} />
        {diff ? (
          <RevisionDiff
            diff={diff}
            currency={object.currency}
            lineNames={new Map((object.lines ?? []).map((l, i) => [i + 1, l.description]))}
          />
        ) : (
          <p className="text-sm text-muted-foreground">Only one revision so far: nothing to compare.</p>
        )}
      </div>
    </>
  );
}

/** ?from=&to= → two revision numbers within 1..latest; defaults to the previous and the latest. */
export function pickRevisions(
  sp: Record<string, string | string[] | undefined>,
  latest: number,
): { from: number; to: number } {
  const num = (v: string | string[] | undefined) => {
    const n = Number(Array.isArray(v) ? v[0] : v);
    return Number.isInteger(n) && n >= 1 && n <= latest ? n : null;
  };
  let from = num(sp.from) ?? Math.max(1, latest - 1);
  let to = num(sp.to) ?? latest;
  if (from > to) [from, to] = [to, from];
  return { from, to };
}
