import { Button } from "@/components/ui/button";
import type { FinancialObjectDetail } from "@/lib/domain/finance/view-types";
import { formatWhen } from "./status";

/**
 * Every revision with who, when and why; pick two (radio "from" and "to") to compare them. A GET form:
 * the comparison is in the URL and rendered on the server.
 */
export function RevisionHistory({
  revisions,
  from,
  to,
  action,
}: {
  revisions: FinancialObjectDetail["revisions"];
  from: number;
  to: number;
  action: string;
}) {
  return (
    <form method="get" action={action} aria-label="Compare revisions" className="grid gap-3">
      <div className="relative overflow-x-auto rounded-lg border">
        <table className="w-full text-sm">
          <caption className="bg-muted/50 p-2 text-left font-medium">Revisions</caption>
          <thead className="text-left">
            <tr className="border-b">
              <th scope="col" className="p-2 font-medium">
                Revision
              </th>
              <th scope="col" className="p-2 font-medium">
                Who and when
              </th>
              <th scope="col" className="p-2 font-medium">
                Reason
              </th>
              <th scope="col" className="p-2 text-center font-medium">
                From
              </th>
              <th scope="col" className="p-2 text-center font-medium">
                To
              </th>
            </tr>
          </thead>
          <tbody>
            {[...revisions].reverse().map((r) => (
              <tr key={r.revision} className="border-t">
                <th scope="row" className="p-2 text-left font-medium">
                  {r.revision}
                </th>
                <td className="p-2">
                  {r.createdBy ?? "—"}
                  <span className="block text-xs text-muted-foreground">{formatWhen(r.createdAt)}</span>
                </td>
                <td className="p-2 break-words">{r.reason ?? (r.revision === 1 ? "Created" : "—")}</td>
                <td className="p-2 text-center">
                  <input
                    type="radio"
                    name="from"
                    value={r.revision}
                    defaultChecked={r.revision === from}
                    aria-label={`Compare from revision ${r.revision}`}
                    className="size-4"
                  />
                </td>
                <td className="p-2 text-center">
                  <input
                    type="radio"
                    name="to"
                    value={r.revision}
                    defaultChecked={r.revision === to}
                    aria-label={`Compare to revision ${r.revision}`}
                    className="size-4"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <Button type="submit" disabled={revisions.length < 2}>
          Compare
        </Button>
      </div>
    </form>
  );
}
