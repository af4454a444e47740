import { Badge } from "@/components/ui/badge";

export type DiffValue = string | number | null | undefined;
export type FieldChange = { field: string; label?: string; before: DiffValue; after: DiffValue };
export type LineChange = { change: "added" | "removed" | "changed"; description: string; fields: FieldChange[] };
export type RevisionDiffView = { from: number; to: number; fields: FieldChange[]; lines: LineChange[] };

const show = (v: DiffValue) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** What changed between two revisions: header fields, then lines added, removed or changed (before → after). */
export function RevisionDiff({ diff }: { diff: RevisionDiffView }) {
  const nothing = diff.fields.length === 0 && diff.lines.length === 0;
  return (
    <section aria-labelledby="diff-heading" className="grid gap-3 *:min-w-0">
      <h2 id="diff-heading" className="text-lg font-semibold">
        Revision {diff.from} → revision {diff.to}
      </h2>
      {nothing ? <p className="text-sm text-muted-foreground">No differences between these two revisions.</p> : null}
      {diff.fields.length ? (
        <div className="relative overflow-x-auto rounded-lg border">
          <table className="w-full text-sm">
            <caption className="sr-only">Changed fields</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="p-2 font-medium">
                  Field
                </th>
                <th scope="col" className="p-2 font-medium">
                  Revision {diff.from}
                </th>
                <th scope="col" className="p-2 font-medium">
                  Revision {diff.to}
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.fields.map((f) => (
                <tr key={f.field} className="border-t">
                  <th scope="row" className="p-2 text-left font-medium">
                    {f.label ?? f.field}
                  </th>
                  <td className="p-2 break-words">
                    <del className="text-destructive decoration-destructive/60">{show(f.before)}</del>
                  </td>
                  <td className="p-2 break-words">
                    <ins className="text-success no-underline">{show(f.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {diff.lines.length ? (
        <ul className="grid gap-2" aria-label="Changed lines">
          {diff.lines.map((line, i) => (
            <li key={`${line.description}-${i}`} className="rounded-md border p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge
                  variant={line.change === "added" ? "success" : line.change === "removed" ? "destructive" : "warning"}
                >
                  {line.change === "added" ? "Added" : line.change === "removed" ? "Removed" : "Changed"}
                </Badge>
                <span className="font-medium">{line.description}</span>
              </div>
              {line.fields.length ? (
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                  {line.fields.map((f) => (
                    <div key={f.field} className="contents">
                      <dt className="text-muted-foreground">{f.label ?? f.field}</dt>
                      <dd className="break-words">
                        {line.change !== "added" ? <del className="text-destructive">{show(f.before)}</del> : null}
                        {line.change === "changed" ? " → " : null}
                        {line.change !== "removed" ? (
                          <ins className="text-success no-underline">{show(f.after)}</ins>
                        ) : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
