/** A date range of a campaign, UTC calendar days. */
export function formatRange(start: Date | null, end: Date | null, format: (d: Date | null) => string): string {
  if (!start && !end) return "No dates yet";
  return `${format(start)} – ${format(end)}`;
}
