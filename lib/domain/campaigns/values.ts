// The value lists and labels of the campaign forms, without zod: client components import them from here, so that
// the schemas (and zod) stay out of the pages' first-load JavaScript (issue 14, npm run bench:js). The schemas
// re-export them.
import type { PLATFORMS } from "@/lib/domain/enums";

export const PLATFORM_LABELS: Record<(typeof PLATFORMS)[number], string> = {
  INSTAGRAM: "Instagram",
  TIKTOK: "TikTok",
  YOUTUBE: "YouTube",
  X: "X",
  LINKEDIN: "LinkedIn",
  TWITCH: "Twitch",
  PINTEREST: "Pinterest",
  SNAPCHAT: "Snapchat",
};
export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH"] as const;
export const CAMPAIGN_CURRENCIES = ["EUR", "GBP", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD"] as const;

/** The "new campaign" wizard's steps; `wizardSteps` (schemas.ts) adds the schema of each step's fields. */
export const WIZARD_STEPS = [
  { key: "basics", label: "Client & objective" },
  { key: "plan", label: "Dates, platforms & budget" },
  { key: "team", label: "Team" },
  { key: "brief", label: "Brief" },
] as const;
