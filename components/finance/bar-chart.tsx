/** A small server-rendered bar chart (no chart library): one bar per month, the value under it, a table for screen readers. */
export function MonthlyBars({
  points,
  label,
}: {
  points: { month: string; value: number; display: string }[];
  label: string;
}) {
  const max = Math.max(1, ...points.map((p) => p.value));
  return (
    <figure className="grid gap-2">
      <div className="flex h-40 items-end gap-2" aria-hidden="true">
        {points.map((p) => (
          <div key={p.month} className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-1">
            <span className="text-[10px] tabular-nums text-muted-foreground sm:text-xs">{p.display}</span>
            <div
              className="w-full rounded-t bg-primary/80"
              style={{ height: `${Math.max(2, Math.round((p.value / max) * 100))}%` }}
            />
            <span className="text-[10px] text-muted-foreground sm:text-xs">{p.month}</span>
          </div>
        ))}
      </div>
      <figcaption className="sr-only">
        <table>
          <caption>{label}</caption>
          <tbody>
            {points.map((p) => (
              <tr key={p.month}>
                <th scope="row">{p.month}</th>
                <td>{p.display}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
