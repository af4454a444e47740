const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-GB");

/** 12,345 → "12.3K"; the exact number goes in a title attribute. */
export function formatFollowers(value: number | null | undefined) {
  return value === null || value === undefined ? "—" : compact.format(value);
}

export function formatCount(value: number) {
  return whole.format(value);
}

/** "3.250" → "3.25%". */
export function formatEngagement(value: string | null | undefined) {
  return value === null || value === undefined
    ? "—"
    : `${Number(value).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;
}

export function titleCase(value: string) {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
}
