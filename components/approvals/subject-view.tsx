import { Badge } from "@/components/ui/badge";
import type { BriefSnapshot, ShortlistSnapshot } from "@/lib/domain/approvals/schemas";
import { Markdown } from "@/components/campaigns/markdown";
import { SubjectFinance } from "./subject-finance";
import { formatFee } from "@/lib/domain/format-money";

/** What the approver was sent, frozen at request time: the brief text, or the shortlist with fees. */
export function SubjectView({
  type,
  snapshot,
  decisions,
  subjectType,
}: {
  type: string;
  snapshot: unknown;
  decisions: { lineId: string; decision: string; note: string | null }[];
  subjectType?: string;
}) {
  if (subjectType === "FinancialObject" || type === "BUDGET" || type === "FINANCE" || type === "INVOICE")
    return <SubjectFinance snapshot={snapshot} />;
  if (type === "BRIEF") {
    const brief = snapshot as BriefSnapshot | null;
    return <Markdown source={brief?.brief ?? ""} />;
  }
  const shortlist = snapshot as ShortlistSnapshot | null;
  if (!shortlist?.lines.length) return <p className="text-sm text-muted-foreground">Nothing to show.</p>;
  const byLine = new Map(decisions.map((d) => [d.lineId, d]));
  return (
    <ul className="grid gap-2" aria-label="Shortlisted influencers">
      {shortlist.lines.map((line) => {
        const d = byLine.get(line.lineId);
        return (
          <li
            key={line.lineId}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3 text-sm"
          >
            <span>
              <span className="font-medium">{line.name}</span>
              <span className="block text-xs text-muted-foreground">
                {line.handles.map((h) => `${h.platform.toLowerCase()} @${h.handle}`).join(" · ") || "No handle"}
              </span>
            </span>
            <span className="flex items-center gap-2">
              <span className="tabular-nums">{formatFee(line.proposedFee, line.currency)}</span>
              {d ? (
                <Badge variant={d.decision === "APPROVED" ? "success" : "destructive"}>
                  {d.decision === "APPROVED" ? "Approved" : "Rejected"}
                </Badge>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
