import { createRng, DAY, iso, isoDate, money, pgArray, SCALE_EPOCH, slugPart, type Row, type Table } from "./rows";
import { COUNTRIES, DELIVERABLE_OF, influencerId, PLATFORM_WEIGHTS } from "./influencers";

// The scale agency's clients and campaigns: brand names, the campaign status mix, and the generators of
// clients and of campaigns with their status history, brief revision and influencer assignments.

const BRAND_WORDS_A = [
  "Nova",
  "Blue",
  "Golden",
  "Urban",
  "Nordic",
  "Silver",
  "Crimson",
  "Green",
  "Bright",
  "Wild",
  "Royal",
  "Lunar",
  "Solar",
  "Velvet",
  "Iron",
  "Crystal",
  "Amber",
  "Coral",
  "Maple",
  "Cedar",
  "Pixel",
  "Atlas",
  "Echo",
  "Zen",
  "Alpine",
  "Harbor",
  "Prairie",
  "Copper",
  "Ivory",
  "Orbit",
] as const;
const BRAND_WORDS_B = [
  "Cosmetics",
  "Coffee",
  "Outdoor",
  "Mobility",
  "Games",
  "Foods",
  "Fitness",
  "Travel",
  "Fashion",
  "Audio",
  "Pets",
  "Skincare",
  "Bikes",
  "Books",
  "Tea",
  "Bank",
  "Tools",
  "Toys",
  "Labs",
  "Living",
  "Spirits",
  "Energy",
  "Studios",
  "Optics",
  "Footwear",
  "Kitchen",
  "Wellness",
  "Apparel",
  "Motors",
  "Jewellery",
] as const;
const INDUSTRIES = [
  "Beauty",
  "Food & Beverage",
  "Sports & Outdoor",
  "Automotive",
  "Gaming",
  "Fashion",
  "Consumer Electronics",
  "Travel",
  "Finance",
  "Health & Fitness",
  "Home & Living",
  "Toys",
] as const;
const CURRENCIES: readonly (readonly [string, number])[] = [
  ["EUR", 60],
  ["GBP", 15],
  ["USD", 15],
  ["SEK", 4],
  ["CHF", 3],
  ["NOK", 3],
];

const CAMPAIGN_WORDS = [
  "Spring Launch",
  "Summer Glow",
  "Back to School",
  "Holiday Gifting",
  "Black Friday",
  "New Year Reset",
  "Autumn Drop",
  "Festival Season",
  "Brand Awareness",
  "Product Seeding",
  "Creator Takeover",
  "Always-on Ambassadors",
  "UGC Sprint",
  "Store Opening",
  "Limited Edition",
  "Sustainability Story",
  "Launch Teaser",
  "Unboxing Wave",
  "Tutorial Series",
  "Live Shopping",
] as const;

export const CAMPAIGN_STATUS_WEIGHTS: readonly (readonly [string, number])[] = [
  ["DRAFT", 8],
  ["BRIEF_IN_REVIEW", 4],
  ["BRIEF_APPROVED", 3],
  ["SOURCING", 6],
  ["SHORTLIST_IN_REVIEW", 4],
  ["SHORTLIST_APPROVED", 3],
  ["BUDGET_IN_REVIEW", 3],
  ["BUDGET_APPROVED", 2],
  ["CONTRACTING", 3],
  ["CONTRACTED", 2],
  ["IN_PRODUCTION", 6],
  ["CONTENT_IN_INTERNAL_REVIEW", 3],
  ["CONTENT_IN_CLIENT_REVIEW", 3],
  ["CONTENT_APPROVED", 2],
  ["SCHEDULED", 3],
  ["LIVE", 8],
  ["REPORTING", 4],
  ["REPORT_IN_REVIEW", 2],
  ["REPORT_APPROVED", 2],
  ["INVOICING", 3],
  ["CLOSED", 16],
  ["ON_HOLD", 3],
  ["CANCELLED", 4],
];
const ORDER = CAMPAIGN_STATUS_WEIGHTS.map(([s]) => s).slice(0, 21);

export const CLIENT_TABLE: Table = {
  table: "Client",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "name", type: "text" },
    { name: "legalName", type: "text" },
    { name: "industry", type: "text" },
    { name: "country", type: "text" },
    { name: "defaultCurrency", type: "text" },
    { name: "status", type: '"ClientStatus"' },
    { name: "tags", type: "text[]" },
    { name: "createdAt", type: "timestamptz" },
    { name: "updatedAt", type: "timestamptz" },
  ],
};

export const CAMPAIGN_TABLE: Table = {
  table: "Campaign",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "clientId", type: "uuid" },
    { name: "name", type: "text" },
    { name: "objective", type: "text" },
    { name: "brief", type: "text" },
    { name: "briefRevision", type: "int4" },
    { name: "shortlistRevision", type: "int4" },
    { name: "platforms", type: '"Platform"[]' },
    { name: "startDate", type: "date" },
    { name: "endDate", type: "date" },
    { name: "plannedBudget", type: "numeric" },
    { name: "currency", type: "text" },
    { name: "ownerId", type: "uuid" },
    { name: "directorId", type: "uuid" },
    { name: "riskScore", type: "int4" },
    { name: "riskLevel", type: '"RiskLevel"' },
    { name: "status", type: '"CampaignStatus"' },
    { name: "statusBeforeHold", type: '"CampaignStatus"' },
    { name: "createdAt", type: "timestamptz" },
    { name: "updatedAt", type: "timestamptz" },
  ],
};

export const STATUS_CHANGE_TABLE: Table = {
  table: "CampaignStatusChange",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "campaignId", type: "uuid" },
    { name: "from", type: '"CampaignStatus"' },
    { name: "to", type: '"CampaignStatus"' },
    { name: "changedById", type: "uuid" },
    { name: "reason", type: "text" },
    { name: "createdAt", type: "timestamptz" },
  ],
};

export const BRIEF_TABLE: Table = {
  table: "CampaignBrief",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "campaignId", type: "uuid" },
    { name: "revision", type: "int4" },
    { name: "content", type: "text" },
    { name: "createdById", type: "uuid" },
    { name: "createdAt", type: "timestamptz" },
  ],
};

export const ASSIGNMENT_TABLE: Table = {
  table: "CampaignInfluencer",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "campaignId", type: "uuid" },
    { name: "influencerId", type: "uuid" },
    { name: "status", type: '"AssignmentStatus"' },
    { name: "proposedFee", type: "numeric" },
    { name: "agreedFee", type: "numeric" },
    { name: "currency", type: "text" },
    { name: "deliverableType", type: '"DeliverableType"' },
    { name: "contractSignedAt", type: "timestamptz" },
    { name: "createdAt", type: "timestamptz" },
    { name: "updatedAt", type: "timestamptz" },
  ],
};

export function generateClients(agencyId: string, seed: number, from: number, to: number) {
  const rows: Row[] = [];
  const combos = BRAND_WORDS_A.length * BRAND_WORDS_B.length;
  for (let i = from; i < to; i++) {
    const rng = createRng(seed * 7_000_003 + i);
    const a = BRAND_WORDS_A[i % BRAND_WORDS_A.length];
    const b = BRAND_WORDS_B[Math.floor(i / BRAND_WORDS_A.length) % BRAND_WORDS_B.length];
    const round = Math.floor(i / combos);
    const name =
      round === 0
        ? `${a} ${b}`
        : `${a} ${b} ${["", "Group", "International", "Nordic", "Europe", "Studio", "Collective"][round % 7] || round + 1}${round >= 7 ? ` ${round}` : ""}`;
    const country = rng.weighted(COUNTRIES);
    const created = SCALE_EPOCH - rng.int(30, 1500) * DAY;
    rows.push([
      rng.uuid(),
      agencyId,
      name,
      `${name} Ltd`,
      rng.pick(INDUSTRIES),
      country,
      rng.weighted(CURRENCIES),
      rng.weighted([
        ["ACTIVE", 75],
        ["PROSPECT", 15],
        ["INACTIVE", 10],
      ] as const),
      pgArray([slugPart(b)]),
      iso(created),
      iso(created + rng.int(0, 25) * DAY),
    ]);
  }
  return rows;
}

export type CampaignContext = {
  agencyId: string;
  seed: number;
  clientIds: readonly string[];
  managerIds: readonly string[];
  directorId: string;
  influencerCount: number;
  minAssignments: number;
  maxAssignments: number;
  /** Influencers 0 … creators-1 have creator users: campaigns past contracting take one of them in 1 of 6. */
  creators?: number;
};

const ASSIGNMENT_FOR: Record<string, readonly (readonly [string, number])[]> = {
  early: [["SHORTLISTED", 1]],
  review: [["PROPOSED", 1]],
  approved: [
    ["CLIENT_APPROVED", 6],
    ["CLIENT_REJECTED", 1],
  ],
  contracting: [
    ["OFFERED", 3],
    ["ACCEPTED", 4],
    ["DECLINED", 1],
    ["CONTRACTED", 2],
  ],
  production: [
    ["CONTRACTED", 2],
    ["ACTIVE", 6],
    ["DROPPED", 1],
  ],
  done: [
    ["COMPLETED", 8],
    ["DROPPED", 1],
  ],
};

function phaseOf(status: string): keyof typeof ASSIGNMENT_FOR {
  const index = ORDER.indexOf(status);
  if (index <= ORDER.indexOf("SOURCING")) return "early";
  if (status === "SHORTLIST_IN_REVIEW") return "review";
  if (index <= ORDER.indexOf("BUDGET_APPROVED")) return "approved";
  if (index <= ORDER.indexOf("CONTRACTED")) return "contracting";
  if (index <= ORDER.indexOf("LIVE")) return "production";
  return "done";
}

/** Campaigns [from, to) with two status changes, one brief revision and 3–8 assignments each. */
export function generateCampaigns(ctx: CampaignContext, from: number, to: number) {
  const campaigns: Row[] = [];
  const changes: Row[] = [];
  const briefs: Row[] = [];
  const assignments: Row[] = [];
  for (let i = from; i < to; i++) {
    const rng = createRng(ctx.seed * 13_000_003 + i);
    const id = rng.uuid();
    const clientIndex = rng.int(0, ctx.clientIds.length - 1);
    const clientId = ctx.clientIds[clientIndex];
    const status = rng.weighted(CAMPAIGN_STATUS_WEIGHTS);
    let before: string | null = null;
    if (status === "ON_HOLD") before = rng.pick(ORDER.slice(1, 16));
    const effective =
      status === "ON_HOLD" || status === "CANCELLED" ? (before ?? rng.pick(ORDER.slice(0, 16))) : status;
    const currency = rng.weighted(CURRENCIES);
    const created = SCALE_EPOCH - rng.int(5, 720) * DAY - rng.int(0, DAY - 1);
    const updated = Math.min(SCALE_EPOCH, created + rng.int(0, 90) * DAY + rng.int(0, DAY - 1));
    const start = created + rng.int(14, 60) * DAY;
    const end = start + rng.int(14, 90) * DAY;
    const platforms = [...new Set([rng.weighted(PLATFORM_WEIGHTS), rng.weighted(PLATFORM_WEIGHTS)])];
    const hasBrief = status !== "DRAFT" || rng.chance(0.5);
    const brief = hasBrief
      ? `## Goal\nGrow awareness for the ${rng.pick(CAMPAIGN_WORDS).toLowerCase()}.\n\n## Deliverables\n- ${platforms.join(", ")} content`
      : null;
    const risk = rng.weighted([
      ["LOW", 70],
      ["MEDIUM", 22],
      ["HIGH", 8],
    ] as const);
    const ownerId = rng.chance(0.15) ? ctx.directorId : rng.pick(ctx.managerIds);
    campaigns.push([
      id,
      ctx.agencyId,
      clientId,
      `${rng.pick(CAMPAIGN_WORDS)} ${2024 + Math.floor((created - Date.UTC(2024, 0, 1)) / (365 * DAY))} #${i + 1}`,
      rng.pick(["Awareness", "Conversions", "Launch reach", "App installs", "Community growth"]),
      brief,
      hasBrief ? 1 : 0,
      phaseOf(effective) === "early" ? 0 : 1,
      pgArray(platforms),
      isoDate(start),
      isoDate(end),
      money(rng.int(5, 400) * 1000),
      currency,
      ownerId,
      ctx.directorId,
      risk === "LOW" ? rng.int(0, 9) : risk === "MEDIUM" ? rng.int(10, 24) : rng.int(25, 60),
      risk,
      status,
      before,
      iso(created),
      iso(updated),
    ]);
    changes.push([rng.uuid(), ctx.agencyId, id, null, "DRAFT", ownerId, "Campaign created", iso(created)]);
    if (status !== "DRAFT")
      changes.push([
        rng.uuid(),
        ctx.agencyId,
        id,
        status === "ON_HOLD" || status === "CANCELLED" ? effective : "DRAFT",
        status,
        ownerId,
        status === "CANCELLED" ? "Client withdrew" : null,
        iso(updated),
      ]);
    if (brief) briefs.push([rng.uuid(), ctx.agencyId, id, 1, brief, ownerId, iso(created)]);
    if (status !== "DRAFT" && status !== "BRIEF_IN_REVIEW" && status !== "BRIEF_APPROVED") {
      const n = rng.int(ctx.minAssignments, ctx.maxAssignments);
      const chosen = new Set<number>();
      while (chosen.size < Math.min(n, ctx.influencerCount)) chosen.add(rng.int(0, ctx.influencerCount - 1));
      const phase = phaseOf(effective);
      if (ctx.creators && (phase === "production" || phase === "done") && rng.chance(1 / 6)) {
        const creator = rng.int(0, Math.min(ctx.creators, ctx.influencerCount) - 1);
        if (!chosen.has(creator)) {
          chosen.delete(chosen.values().next().value!);
          chosen.add(creator);
        }
      }
      for (const index of chosen) {
        const aStatus = rng.weighted(ASSIGNMENT_FOR[phaseOf(effective)]);
        const fee = rng.int(2, 300) * 50;
        const agreed = ["ACCEPTED", "CONTRACTED", "ACTIVE", "COMPLETED"].includes(aStatus);
        assignments.push([
          rng.uuid(),
          ctx.agencyId,
          id,
          influencerId(ctx.seed, index),
          aStatus,
          money(fee),
          agreed ? money(fee) : null,
          currency,
          DELIVERABLE_OF[platforms[0]],
          ["CONTRACTED", "ACTIVE", "COMPLETED"].includes(aStatus) ? iso(created + 10 * DAY) : null,
          iso(created + DAY),
          iso(updated),
        ]);
      }
    }
  }
  return { campaigns, changes, briefs, assignments };
}
