// The value lists and labels of the influencer forms, without zod: client components import them from here, so that
// the schemas (and zod) stay out of the pages' first-load JavaScript (issue 14, npm run bench:js). The schemas
// re-export them.

export const INFLUENCER_STATUSES = ["ACTIVE", "INACTIVE", "BLOCKED"] as const;
export const PROFILE_TYPES = ["STUB", "FULL"] as const;

// The limits and columns of the CSV import (lib/domain/influencers/import-csv.ts), shown by the import page.
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** Rows per server-action call: the page commits in chunks this size and advances its progress bar. */
export const IMPORT_CHUNK = 100;
export const IMPORT_COLUMNS = [
  "display_name",
  "platform",
  "handle",
  "followers",
  "engagement_rate",
  "country",
  "languages",
  "niches",
  "email",
] as const;
export const REQUIRED_COLUMNS = ["display_name", "platform", "handle"] as const;
