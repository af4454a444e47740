/** Money from a Decimal (or its string) without going through a float: Intl formats decimal strings exactly. */
export function formatMoney(value: { toString(): string } | string | null | undefined, currency: string): string {
  if (value === null || value === undefined) return "—";
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(String(value) as unknown as number);
  } catch {
    return `${currency} ${String(value)}`;
  }
}

/** A date range of a campaign, UTC calendar days. */
export function formatRange(start: Date | null, end: Date | null, format: (d: Date | null) => string): string {
  if (!start && !end) return "No dates yet";
  return `${format(start)} – ${format(end)}`;
}
