type Values = Record<string, unknown> | null;

function show(value: unknown) {
  if (value === undefined) return "—";
  if (value === null) return "null";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The changed fields of one audit entry: before and after side by side (only one side for create/delete). */
export function AuditDiff({ before, after }: { before: Values; after: Values }) {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    <div className="overflow-x-auto rounded-md border bg-background">
      <table className="w-full text-xs">
        <caption className="sr-only">Changed fields</caption>
        <thead className="bg-muted text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-1.5 text-left font-medium">
              Field
            </th>
            {before ? (
              <th scope="col" className="px-3 py-1.5 text-left font-medium">
                Before
              </th>
            ) : null}
            {after ? (
              <th scope="col" className="px-3 py-1.5 text-left font-medium">
                After
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y">
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row" className="px-3 py-1.5 text-left align-top font-mono font-medium">
                {field}
              </th>
              {before ? (
                <td className="px-3 py-1.5 align-top font-mono break-all whitespace-pre-wrap text-destructive">
                  {show(before[field])}
                </td>
              ) : null}
              {after ? (
                <td className="px-3 py-1.5 align-top font-mono break-all whitespace-pre-wrap text-success">
                  {show(after[field])}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
