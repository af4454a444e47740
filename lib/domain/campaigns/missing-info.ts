// The required fields of a campaign that are still empty: recomputed on every save, listed on the campaign page.

export const MISSING_INFO_LABELS = {
  name: "Name",
  client: "Client",
  objective: "Objective",
  brief: "Brief",
  dates: "Start and end dates",
  platforms: "Platforms",
  plannedBudget: "Planned budget",
  owner: "Owner",
  director: "Director",
} as const;

export type MissingInfoKey = keyof typeof MISSING_INFO_LABELS;

type Fields = {
  name?: string | null;
  clientId?: string | null;
  objective?: string | null;
  brief?: string | null;
  startDate?: Date | string | null;
  endDate?: Date | string | null;
  platforms?: readonly string[] | null;
  plannedBudget?: unknown;
  ownerId?: string | null;
  directorId?: string | null;
};

const blank = (v: string | null | undefined) => !v || !v.trim();

export function computeMissingInfo(c: Fields): MissingInfoKey[] {
  const missing: MissingInfoKey[] = [];
  if (blank(c.name)) missing.push("name");
  if (!c.clientId) missing.push("client");
  if (blank(c.objective)) missing.push("objective");
  if (blank(c.brief)) missing.push("brief");
  if (!c.startDate || !c.endDate) missing.push("dates");
  if (!c.platforms?.length) missing.push("platforms");
  if (c.plannedBudget === null || c.plannedBudget === undefined) missing.push("plannedBudget");
  if (!c.ownerId) missing.push("owner");
  if (!c.directorId) missing.push("director");
  return missing;
}

export function missingInfoLabel(key: string): string {
  return (MISSING_INFO_LABELS as Record<string, string>)[key] ?? key;
}
