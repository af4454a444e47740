import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { csvStream } from "@/lib/csv";
import { searchInfluencersSchema } from "./schemas";
import { influencerScope } from "./scope";
import { searchPageSql, type InfluencerSearchRow } from "./search-influencers";

export const EXPORT_MAX_ROWS = 50_000;
const BATCH = 1000;

export const EXPORT_HEADER = [
  "id",
  "display_name",
  "profile_type",
  "status",
  "country",
  "languages",
  "niches",
  "total_followers",
  "top_engagement_rate",
  "handles",
  "updated_at",
] as const;

function toValues(row: InfluencerSearchRow): unknown[] {
  return [
    row.id,
    row.displayName,
    row.profileType,
    row.status,
    row.country,
    row.languages.join(";"),
    row.niches.join(";"),
    row.totalFollowers,
    row.topEngagement,
    row.socials.map((s) => `${s.platform.toLowerCase()}:${s.handle}`).join(";"),
    row.updatedAt,
  ];
}

/**
 * The current search (same filters and order, every page) as a CSV stream with a header row. The export
 * is a sensitive read: it is audited with its filters before the first byte leaves.
 */
export async function exportInfluencersCsv(ctx: AuthContext, raw: unknown): Promise<ReadableStream<Uint8Array>> {
  const { agencyId } = influencerScope(ctx, "influencer.read");
  const filters = searchInfluencersSchema.parse({ ...(raw as object), page: 1, take: 1 });
  const recorded = Object.fromEntries(
    Object.entries(filters).filter(([key, value]) => value !== undefined && key !== "page" && key !== "take"),
  );
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: "influencer.export",
      model: "InfluencerProfile",
      display: "Influencer directory (CSV)",
      after: { filters: recorded },
    }),
  );
  return csvStream(
    EXPORT_HEADER,
    (offset, limit) => db.$queryRaw<InfluencerSearchRow[]>(searchPageSql(agencyId, filters, limit, offset)),
    toValues,
    { batch: BATCH, maxRows: EXPORT_MAX_ROWS },
  );
}
