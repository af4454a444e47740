import type pg from "pg";
import { PLATFORMS } from "@/lib/domain/enums";
import { seedContent } from "./content";
import { seedFinance, seedPendingApprovals } from "./finance";

// The "Scale Agency": a large tenant for performance work (npm run db:seed:scale, npm run bench).
// Deterministic: the same seed gives the same rows (ids included), so bench runs are comparable.
// Rows go in with raw SQL through `pg`: one INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …) per batch
// (one parameter per column, whatever the batch size), each batch in its own transaction.

export const SCALE_SLUG = "scale";
export const SCALE_NAME = "Scale Agency";
export const SCALE_DOMAIN = "scale.test";

export type ScaleCounts = {
  influencers: number;
  /** Social accounts per influencer (distinct platforms): 2 gives 200,000 for 100,000 influencers. */
  socialsPerInfluencer: number;
  clients: number;
  campaigns: number;
  minAssignments: number;
  maxAssignments: number;
  /** Extra campaign managers owning campaigns (besides cm@ and dir@). */
  extraManagers: number;
  /** Creator users (creator@, creator2@ …) linked to the first influencers, which get a share of the contracted assignments. */
  creators: number;
  /** Content tasks over the contracted assignments of campaigns in production or later (exact). */
  contentTasks: number;
  /** Artifact versions over those tasks (exact). */
  contentArtifacts: number;
  /** Financial objects over the campaigns (exact), each with its lines and revision 1. */
  financialObjects: number;
};

export const FULL_SCALE: ScaleCounts = {
  influencers: 100_000,
  socialsPerInfluencer: 2,
  clients: 2_000,
  campaigns: 10_000,
  minAssignments: 3,
  maxAssignments: 8,
  extraManagers: 8,
  creators: 20,
  contentTasks: 100_000,
  contentArtifacts: 300_000,
  financialObjects: 200_000,
};

export const BATCH_SIZE = 5_000;

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------------

export type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  uuid: () => string;
  chance: (p: number) => boolean;
};

/** mulberry32: tiny, fast, good enough for test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (n: number) => {
    let s = "";
    for (let i = 0; i < n; i++) s += Math.floor(next() * 16).toString(16);
    return s;
  };
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [value, w] of items) {
        r -= w;
        if (r < 0) return value;
      }
      return items[items.length - 1][0];
    },
    // A well-formed v4 UUID drawn from the generator.
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  "Emma", "Lena", "Mia", "Hannah", "Sophie", "Lea", "Anna", "Marie", "Laura", "Julia", "Clara", "Nora", "Ella",
  "Olivia", "Amelia", "Isla", "Ava", "Grace", "Chloe", "Zoe", "Lucía", "Sofía", "Martina", "Valentina", "Giulia",
  "Chiara", "Camille", "Léa", "Manon", "Inès", "Freja", "Astrid", "Ingrid", "Saga", "Maja", "Zofia", "Aisha",
  "Priya", "Yuki", "Mei", "Noah", "Liam", "Lucas", "Leon", "Paul", "Felix", "Jonas", "Elias", "Ben", "Finn",
  "Oliver", "Jack", "Harry", "George", "Leo", "Mateo", "Hugo", "Louis", "Gabriel", "Arthur", "Luca", "Marco",
  "Matteo", "Lorenzo", "Erik", "Oskar", "Nils", "Jakub", "Kacper", "Omar", "Ravi", "Kenji", "Daniel", "Samuel",
] as const;

const LAST_NAMES = [
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch",
  "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hartmann", "Smith", "Jones",
  "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Green", "Hughes",
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Laurent", "García",
  "Fernández", "López", "Martínez", "Sánchez", "Romero", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi",
  "Romano", "Colombo", "de Vries", "Jansen", "Bakker", "Visser", "Johansson", "Andersson", "Nilsson", "Larsen",
  "Hansen", "Nielsen", "Kowalski", "Nowak", "Wiśniewska", "Novak", "Silva", "Santos", "Costa", "Murphy", "Kelly",
] as const;

export const COUNTRIES: readonly (readonly [string, number])[] = [
  ["DE", 14], ["GB", 12], ["FR", 11], ["US", 10], ["ES", 8], ["IT", 8], ["NL", 6], ["SE", 4], ["PL", 5],
  ["AT", 3], ["CH", 3], ["BE", 3], ["DK", 2], ["NO", 2], ["IE", 2], ["PT", 3], ["FI", 2], ["CZ", 2],
];

const CITIES: Record<string, readonly string[]> = {
  DE: ["Berlin", "Hamburg", "München", "Köln", "Leipzig"], GB: ["London", "Manchester", "Bristol", "Leeds"],
  FR: ["Paris", "Lyon", "Marseille", "Bordeaux"], US: ["New York", "Los Angeles", "Austin", "Miami"],
  ES: ["Madrid", "Barcelona", "Valencia"], IT: ["Milano", "Roma", "Torino"], NL: ["Amsterdam", "Rotterdam", "Utrecht"],
  SE: ["Stockholm", "Göteborg"], PL: ["Warszawa", "Kraków"], AT: ["Wien", "Graz"], CH: ["Zürich", "Genève"],
  BE: ["Bruxelles", "Antwerpen"], DK: ["København", "Aarhus"], NO: ["Oslo", "Bergen"], IE: ["Dublin", "Cork"],
  PT: ["Lisboa", "Porto"], FI: ["Helsinki", "Tampere"], CZ: ["Praha", "Brno"],
};

const LANGUAGE_OF: Record<string, string> = {
  DE: "de", GB: "en", FR: "fr", US: "en", ES: "es", IT: "it", NL: "nl", SE: "sv", PL: "pl", AT: "de", CH: "de",
  BE: "fr", DK: "da", NO: "no", IE: "en", PT: "pt", FI: "fi", CZ: "cs",
};

export const NICHES = [
  "beauty", "skincare", "fashion", "fitness", "food", "travel", "gaming", "tech", "parenting", "home",
  "finance", "music", "comedy", "sports", "outdoor", "pets", "books", "sustainability", "automotive", "wellness",
] as const;

export { PLATFORMS };
export type PlatformName = (typeof PLATFORMS)[number];
const PLATFORM_WEIGHTS: readonly (readonly [PlatformName, number])[] = [
  ["INSTAGRAM", 40], ["TIKTOK", 25], ["YOUTUBE", 15], ["X", 5], ["LINKEDIN", 4], ["TWITCH", 5], ["PINTEREST", 3], ["SNAPCHAT", 3],
];
const PLATFORM_URL: Record<PlatformName, string> = {
  INSTAGRAM: "https://instagram.com/", TIKTOK: "https://tiktok.com/@", YOUTUBE: "https://youtube.com/@", X: "https://x.com/",
  LINKEDIN: "https://linkedin.com/in/", TWITCH: "https://twitch.tv/", PINTEREST: "https://pinterest.com/", SNAPCHAT: "https://snapchat.com/add/",
};
const DELIVERABLE_OF: Record<PlatformName, string> = {
  INSTAGRAM: "INSTAGRAM_REEL", TIKTOK: "TIKTOK_VIDEO", YOUTUBE: "YOUTUBE_VIDEO", X: "X_POST", LINKEDIN: "LINKEDIN_POST",
  TWITCH: "OTHER", PINTEREST: "OTHER", SNAPCHAT: "OTHER",
};

const BRAND_WORDS_A = [
  "Nova", "Blue", "Golden", "Urban", "Nordic", "Silver", "Crimson", "Green", "Bright", "Wild", "Royal", "Lunar",
  "Solar", "Velvet", "Iron", "Crystal", "Amber", "Coral", "Maple", "Cedar", "Pixel", "Atlas", "Echo", "Zen",
  "Alpine", "Harbor", "Prairie", "Copper", "Ivory", "Orbit",
] as const;
const BRAND_WORDS_B = [
  "Cosmetics", "Coffee", "Outdoor", "Mobility", "Games", "Foods", "Fitness", "Travel", "Fashion", "Audio", "Pets",
  "Skincare", "Bikes", "Books", "Tea", "Bank", "Tools", "Toys", "Labs", "Living", "Spirits", "Energy", "Studios",
  "Optics", "Footwear", "Kitchen", "Wellness", "Apparel", "Motors", "Jewellery",
] as const;
const INDUSTRIES = ["Beauty", "Food & Beverage", "Sports & Outdoor", "Automotive", "Gaming", "Fashion", "Consumer Electronics", "Travel", "Finance", "Health & Fitness", "Home & Living", "Toys"] as const;
const CURRENCIES: readonly (readonly [string, number])[] = [["EUR", 60], ["GBP", 15], ["USD", 15], ["SEK", 4], ["CHF", 3], ["NOK", 3]];

const CAMPAIGN_WORDS = [
  "Spring Launch", "Summer Glow", "Back to School", "Holiday Gifting", "Black Friday", "New Year Reset", "Autumn Drop",
  "Festival Season", "Brand Awareness", "Product Seeding", "Creator Takeover", "Always-on Ambassadors", "UGC Sprint",
  "Store Opening", "Limited Edition", "Sustainability Story", "Launch Teaser", "Unboxing Wave", "Tutorial Series", "Live Shopping",
] as const;

export const CAMPAIGN_STATUS_WEIGHTS: readonly (readonly [string, number])[] = [
  ["DRAFT", 8], ["BRIEF_IN_REVIEW", 4], ["BRIEF_APPROVED", 3], ["SOURCING", 6], ["SHORTLIST_IN_REVIEW", 4],
  ["SHORTLIST_APPROVED", 3], ["BUDGET_IN_REVIEW", 3], ["BUDGET_APPROVED", 2], ["CONTRACTING", 3], ["CONTRACTED", 2],
  ["IN_PRODUCTION", 6], ["CONTENT_IN_INTERNAL_REVIEW", 3], ["CONTENT_IN_CLIENT_REVIEW", 3], ["CONTENT_APPROVED", 2],
  ["SCHEDULED", 3], ["LIVE", 8], ["REPORTING", 4], ["REPORT_IN_REVIEW", 2], ["REPORT_APPROVED", 2], ["INVOICING", 3],
  ["CLOSED", 16], ["ON_HOLD", 3], ["CANCELLED", 4],
];
const ORDER = CAMPAIGN_STATUS_WEIGHTS.map(([s]) => s).slice(0, 21);

/** Lower-case ASCII for handles: "Müller" → "mueller", "de Vries" → "devries". */
export function slugPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss").replace(/ś/g, "s")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

export const money = (n: number) => n.toFixed(2);
export const DAY = 86_400_000;
/** A fixed "now" keeps the data deterministic: 2026-11-01. */
export const SCALE_EPOCH = Date.UTC(2026, 10, 1);
export const iso = (ms: number) => new Date(ms).toISOString();
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pgArray = (items: readonly string[]) => `{${items.join(",")}}`;

// ---------------------------------------------------------------------------------------------------------
// Generators (pure: index in, rows out)
// ---------------------------------------------------------------------------------------------------------

export type Column = { name: string; type: string };
export type Table = { table: string; columns: Column[] };

export const INFLUENCER_TABLE: Table = {
  table: "InfluencerProfile",
  columns: [
    { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "profileType", type: '"ProfileType"' },
    { name: "status", type: '"InfluencerStatus"' }, { name: "health", type: '"Health"' }, { name: "displayName", type: "text" },
    { name: "legalName", type: "text" }, { name: "email", type: "text" }, { name: "country", type: "text" },
    { name: "city", type: "text" }, { name: "languages", type: "text[]" }, { name: "niches", type: "text[]" },
    { name: "totalFollowers", type: "int4" }, { name: "topEngagement", type: "numeric" },
    { name: "createdAt", type: "timestamptz" }, { name: "updatedAt", type: "timestamptz" },
  ],
};

export const SOCIAL_TABLE: Table = {
  table: "SocialAccount",
  columns: [
    { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "influencerId", type: "uuid" },
    { name: "platform", type: '"Platform"' }, { name: "handle", type: "text" }, { name: "url", type: "text" },
    { name: "followers", type: "int4" }, { name: "engagementRate", type: "numeric" }, { name: "avgViews", type: "int4" },
    { name: "verified", type: "bool" }, { name: "lastSyncedAt", type: "timestamptz" }, { name: "updatedAt", type: "timestamptz" },
  ],
};

export const RATE_CARD_TABLE: Table = {
  table: "RateCard",
  columns: [
    { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "influencerId", type: "uuid" },
    { name: "platform", type: '"Platform"' }, { name: "deliverableType", type: '"DeliverableType"' },
    { name: "fee", type: "numeric" }, { name: "currency", type: "text" }, { name: "updatedAt", type: "timestamptz" },
  ],
};

export const CLIENT_TABLE: Table = {
  table: "Client",
  columns: [
    { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "name", type: "text" },
    { name: "legalName", type: "text" }, { name: "industry", type: "text" }, { name: "country", type: "text" },
    { name: "defaultCurrency", type: "text" }, { name: "status", type: '"ClientStatus"' }, { name: "tags", type: "text[]" },
    { name: "createdAt", type: "timestamptz" }, { name: "updatedAt", type: "timestamptz" },
  ],
};

export const CAMPAIGN_TABLE: Table = {
  table: "Campaign",
  columns: [
    { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "clientId", type: "uuid" },
    { name: "name", type: "text" }, { name: "objective", type: "text" }, { name: "brief", type: "text" },
    { name: "briefRevision", type: "int4" }, { name: "shortlistRevision", type: "int4" }, { name: "platforms", type: '"Platform"[]' },
    { name: "startDate", type: "date" }, { name: "endDate", type: "date" }, { name: "plannedBudget", type: "numeric" },
    { name: "currency", type: "text" }, { name: "ownerId", type: "uuid" }, { name: "directorId", type: "uuid" },
    { name: "riskScore", type: "int4" }, { name: "riskLevel", type: '"RiskLevel"' }, { name: "status", type: '"CampaignStatus"' },
    { name: "statusBeforeHold", type: '"CampaignStatus"' }, { name: "createdAt", type: "timestamptz" }, { name: "updatedAt", type: "timestamptz" },
  ],
};

export const STATUS_CHANGE_TABLE: Table = {
  table: "CampaignStatusChange",
  columns: [
    { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "campaignId", type: "uuid" },
    { name: "from", type: '"CampaignStatus"' }, { name: "to", type: '"CampaignStatus"' }, { name: "changedById", type: "uuid" },
    { name: "reason", type: "text" }, { name: "createdAt", type: "timestamptz" },
  ],
};

export const BRIEF_TABLE: Table = {
  table: "CampaignBrief",
  columns: [
    { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "campaignId", type: "uuid" },
    { name: "revision", type: "int4" }, { name: "content", type: "text" }, { name: "createdById", type: "uuid" },
    { name: "createdAt", type: "timestamptz" },
  ],
};

export const ASSIGNMENT_TABLE: Table = {
  table: "CampaignInfluencer",
  columns: [
    { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "campaignId", type: "uuid" },
    { name: "influencerId", type: "uuid" }, { name: "status", type: '"AssignmentStatus"' }, { name: "proposedFee", type: "numeric" },
    { name: "agreedFee", type: "numeric" }, { name: "currency", type: "text" }, { name: "deliverableType", type: '"DeliverableType"' },
    { name: "contractSignedAt", type: "timestamptz" }, { name: "createdAt", type: "timestamptz" }, { name: "updatedAt", type: "timestamptz" },
  ],
};

export type Row = unknown[];

/** Influencers [from, to) with their social accounts and (for FULL profiles) a rate card. */
export function generateInfluencers(agencyId: string, seed: number, from: number, to: number, socialsPerInfluencer: number) {
  const influencers: Row[] = [];
  const socials: Row[] = [];
  const rateCards: Row[] = [];
  const ids: string[] = [];
  for (let i = from; i < to; i++) {
    const rng = createRng(seed * 1_000_003 + i);
    const id = rng.uuid();
    ids.push(id);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const displayName = `${first} ${last}`;
    const country = rng.weighted(COUNTRIES);
    const full = rng.chance(0.45);
    const niches = [...new Set([rng.pick(NICHES), rng.pick(NICHES)].slice(0, rng.int(1, 2)))];
    const languages = [...new Set([LANGUAGE_OF[country] ?? "en", ...(rng.chance(0.5) ? ["en"] : [])])];
    const created = SCALE_EPOCH - rng.int(1, 900) * DAY;
    const updated = created + rng.int(0, Math.floor((SCALE_EPOCH - created) / DAY)) * DAY;
    // Distinct platforms: the first by weight, then others.
    const platforms: PlatformName[] = [];
    while (platforms.length < Math.min(socialsPerInfluencer, PLATFORMS.length)) {
      const p = rng.weighted(PLATFORM_WEIGHTS);
      if (!platforms.includes(p)) platforms.push(p);
    }
    const base = `${slugPart(first)}${rng.pick([".", "_", ""])}${slugPart(last)}`;
    const suffix = i.toString(36);
    let totalFollowers = 0;
    let topEngagement = 0;
    platforms.forEach((platform, k) => {
      // Log-uniform followers between 1k and 5M: many small creators, a few large ones.
      const followers = Math.floor(Math.exp(Math.log(1_000) + rng.next() * (Math.log(5_000_000) - Math.log(1_000))));
      const engagement = Math.round((0.5 + rng.next() * 9.5) * 1000) / 1000;
      totalFollowers += followers;
      topEngagement = Math.max(topEngagement, engagement);
      // The index makes the handle unique per platform; the variant keeps handles of one person different.
      const handle = k === 0 ? `${base}.${suffix}` : `${base}${k === 1 ? "_" : "__"}${suffix}`;
      socials.push([
        rng.uuid(), agencyId, id, platform, handle, `${PLATFORM_URL[platform]}${handle}`, followers, engagement.toFixed(3),
        platform === "YOUTUBE" || platform === "TIKTOK" ? Math.floor(followers * (0.05 + rng.next() * 0.3)) : null,
        followers > 500_000 && rng.chance(0.6), iso(updated), iso(updated),
      ]);
    });
    if (full) {
      const platform = platforms[0];
      const fee = Math.max(50, Math.round((totalFollowers / 1000) * (8 + rng.next() * 12) / 10) * 10);
      rateCards.push([rng.uuid(), agencyId, id, platform, DELIVERABLE_OF[platform], money(fee), "EUR", iso(updated)]);
    }
    influencers.push([
      id, agencyId, full ? "FULL" : "STUB", rng.weighted([["ACTIVE", 90], ["INACTIVE", 8], ["BLOCKED", 2]] as const),
      rng.weighted([["GREEN", 80], ["YELLOW", 15], ["RED", 5]] as const), displayName,
      full ? displayName : null, full ? `${slugPart(first)}.${slugPart(last)}.${suffix}@creators.example` : null,
      full ? country : rng.chance(0.7) ? country : null, full ? rng.pick(CITIES[country] ?? ["—"]) : null,
      pgArray(full ? languages : []), pgArray(niches), totalFollowers, topEngagement.toFixed(3), iso(created), iso(updated),
    ]);
  }
  return { ids, influencers, socials, rateCards };
}

export function influencerId(seed: number, i: number): string {
  return createRng(seed * 1_000_003 + i).uuid();
}

export function generateClients(agencyId: string, seed: number, from: number, to: number) {
  const rows: Row[] = [];
  const combos = BRAND_WORDS_A.length * BRAND_WORDS_B.length;
  for (let i = from; i < to; i++) {
    const rng = createRng(seed * 7_000_003 + i);
    const a = BRAND_WORDS_A[i % BRAND_WORDS_A.length];
    const b = BRAND_WORDS_B[Math.floor(i / BRAND_WORDS_A.length) % BRAND_WORDS_B.length];
    const round = Math.floor(i / combos);
    const name = round === 0 ? `${a} ${b}` : `${a} ${b} ${["", "Group", "International", "Nordic", "Europe", "Studio", "Collective"][round % 7] || round + 1}${round >= 7 ? ` ${round}` : ""}`;
    const country = rng.weighted(COUNTRIES);
    const created = SCALE_EPOCH - rng.int(30, 1500) * DAY;
    rows.push([
      rng.uuid(), agencyId, name, `${name} Ltd`, rng.pick(INDUSTRIES), country, rng.weighted(CURRENCIES),
      rng.weighted([["ACTIVE", 75], ["PROSPECT", 15], ["INACTIVE", 10]] as const), pgArray([slugPart(b)]),
      iso(created), iso(created + rng.int(0, 25) * DAY),
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
  approved: [["CLIENT_APPROVED", 6], ["CLIENT_REJECTED", 1]],
  contracting: [["OFFERED", 3], ["ACCEPTED", 4], ["DECLINED", 1], ["CONTRACTED", 2]],
  production: [["CONTRACTED", 2], ["ACTIVE", 6], ["DROPPED", 1]],
  done: [["COMPLETED", 8], ["DROPPED", 1]],
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
    const effective = status === "ON_HOLD" || status === "CANCELLED" ? (before ?? rng.pick(ORDER.slice(0, 16))) : status;
    const currency = rng.weighted(CURRENCIES);
    const created = SCALE_EPOCH - rng.int(5, 720) * DAY - rng.int(0, DAY - 1);
    const updated = Math.min(SCALE_EPOCH, created + rng.int(0, 90) * DAY + rng.int(0, DAY - 1));
    const start = created + rng.int(14, 60) * DAY;
    const end = start + rng.int(14, 90) * DAY;
    const platforms = [...new Set([rng.weighted(PLATFORM_WEIGHTS), rng.weighted(PLATFORM_WEIGHTS)])];
    const hasBrief = status !== "DRAFT" || rng.chance(0.5);
    const brief = hasBrief ? `## Goal\nGrow awareness for the ${rng.pick(CAMPAIGN_WORDS).toLowerCase()}.\n\n## Deliverables\n- ${platforms.join(", ")} content` : null;
    const risk = rng.weighted([["LOW", 70], ["MEDIUM", 22], ["HIGH", 8]] as const);
    const ownerId = rng.chance(0.15) ? ctx.directorId : rng.pick(ctx.managerIds);
    campaigns.push([
      id, ctx.agencyId, clientId, `${rng.pick(CAMPAIGN_WORDS)} ${2024 + Math.floor((created - Date.UTC(2024, 0, 1)) / (365 * DAY))} #${i + 1}`,
      rng.pick(["Awareness", "Conversions", "Launch reach", "App installs", "Community growth"]), brief, hasBrief ? 1 : 0,
      phaseOf(effective) === "early" ? 0 : 1, pgArray(platforms), isoDate(start), isoDate(end),
      money(rng.int(5, 400) * 1000), currency, ownerId, ctx.directorId,
      risk === "LOW" ? rng.int(0, 9) : risk === "MEDIUM" ? rng.int(10, 24) : rng.int(25, 60), risk, status, before,
      iso(created), iso(updated),
    ]);
    changes.push([rng.uuid(), ctx.agencyId, id, null, "DRAFT", ownerId, "Campaign created", iso(created)]);
    if (status !== "DRAFT") changes.push([rng.uuid(), ctx.agencyId, id, status === "ON_HOLD" || status === "CANCELLED" ? effective : "DRAFT", status, ownerId, status === "CANCELLED" ? "Client withdrew" : null, iso(updated)]);
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
          rng.uuid(), ctx.agencyId, id, influencerId(ctx.seed, index), aStatus, money(fee), agreed ? money(fee) : null, currency,
          DELIVERABLE_OF[platforms[0]], ["CONTRACTED", "ACTIVE", "COMPLETED"].includes(aStatus) ? iso(created + 10 * DAY) : null,
          iso(created + DAY), iso(updated),
        ]);
      }
    }
  }
  return { campaigns, changes, briefs, assignments };
}

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

/** One INSERT … SELECT FROM unnest(...) for all rows: one array parameter per column. */
export async function insertRows(client: pg.ClientBase, table: Table, rows: Row[]) {
  if (rows.length === 0) return;
  const columns = table.columns;
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  // Array-typed columns travel as text (their literal) and are cast per row; unnest would flatten them.
  const params = columns.map((c, k) => (c.type.endsWith("[]") ? `$${k + 1}::text[]` : `$${k + 1}::${c.type}[]`)).join(", ");
  const selects = columns.map((c, k) => (c.type.endsWith("[]") ? `c${k}::${c.type}` : `c${k}`)).join(", ");
  const aliases = columns.map((_, k) => `c${k}`).join(", ");
  const values = columns.map((_, k) => rows.map((row) => row[k]));
  await client.query(`INSERT INTO "${table.table}" (${names}) SELECT ${selects} FROM unnest(${params}) AS t(${aliases})`, values);
}

/** done/total count the phase's main rows; rows counts every row written so far in the phase (children too). */
export type Progress = (phase: string, done: number, total: number, rows: number) => void;

export type ScaleOptions = {
  slug?: string;
  name?: string;
  domain?: string;
  seed?: number;
  counts?: ScaleCounts;
  batchSize?: number;
  /** argon2id hash of the demo password for the scale users. */
  passwordHash: string;
  /** Encrypted TOTP secret for the DIR (MFA is required for directors). */
  mfaSecret?: string | null;
  progress?: Progress;
};

export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function findAgency(pool: pg.Pool, slug: string): Promise<string | null> {
  const found = await pool.query<{ id: string }>(`SELECT id FROM "Agency" WHERE slug = $1`, [slug]);
  return found.rows[0]?.id ?? null;
}

/**
 * Deletes an agency and everything of it. Campaigns first (their history and brief revisions go with them by
 * cascade; they refuse direct deletes), then every other table with an agencyId, in rounds until the foreign
 * keys let each go. The audit log is append-only and keeps its rows (it has no foreign key).
 */
export async function deleteAgency(pool: pg.Pool, slug: string): Promise<boolean> {
  const agencyId = await findAgency(pool, slug);
  if (!agencyId) return false;
  await inTransaction(pool, async (client) => {
    // Financial objects hold on to their campaign (RESTRICT); their lines and revisions go with them. One
    // statement, so payments and payouts go together with the invoices they point at.
    await client.query(`DELETE FROM "FinancialObject" WHERE "agencyId" = $1`, [agencyId]);
    await client.query(`DELETE FROM "Campaign" WHERE "agencyId" = $1`, [agencyId]);
    // Profiles before their social accounts (which go with them by cascade): deleting the accounts first would
    // make the search-column trigger rewrite every profile just before it is deleted.
    await client.query(`DELETE FROM "RateCard" WHERE "agencyId" = $1`, [agencyId]);
    await client.query(`UPDATE "InfluencerProfile" SET "userId" = NULL WHERE "agencyId" = $1 AND "userId" IS NOT NULL`, [agencyId]);
    await client.query("SAVEPOINT profiles");
    try {
      await client.query(`DELETE FROM "InfluencerProfile" WHERE "agencyId" = $1`, [agencyId]);
      await client.query("RELEASE SAVEPOINT profiles");
    } catch {
      await client.query("ROLLBACK TO SAVEPOINT profiles"); // something else still points at them: the rounds below
    }
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'agencyId'
          AND table_name NOT IN ('AuditLog', 'CampaignStatusChange', 'CampaignBrief', 'Campaign', 'ContentArtifact', 'ContentReview', 'FinancialLine', 'FinancialRevision')`,
    );
    let pending = tables.rows.map((r) => r.table_name);
    for (let round = 0; pending.length && round < 10; round++) {
      const failed: string[] = [];
      for (const table of pending) {
        await client.query("SAVEPOINT del");
        try {
          await client.query(`DELETE FROM "${table}" WHERE "agencyId" = $1`, [agencyId]);
          await client.query("RELEASE SAVEPOINT del");
        } catch {
          await client.query("ROLLBACK TO SAVEPOINT del");
          failed.push(table);
        }
      }
      pending = failed;
    }
    if (pending.length) throw new Error(`Could not delete the rows of ${slug} in: ${pending.join(", ")}`);
    await client.query(`DELETE FROM "Agency" WHERE id = $1`, [agencyId]);
  });
  return true;
}

/** What a phase of seedScale gets: the agency, the counts, the batch size, progress and the row tally. */
export type PhaseArgs = { agencyId: string; seed: number; counts: ScaleCounts; batch: number; progress: Progress; add: (table: string, n: number) => void };

export type ScaleResult = { agencyId: string; rows: Record<string, number>; ms: number };

/** Creates the agency, its users, clients, influencers, campaigns; then ANALYZE. */
export async function seedScale(pool: pg.Pool, options: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const slug = options.slug ?? SCALE_SLUG;
  const domain = options.domain ?? SCALE_DOMAIN;
  const seed = options.seed ?? 20261122;
  const counts = options.counts ?? FULL_SCALE;
  const batch = options.batchSize ?? BATCH_SIZE;
  const progress = options.progress ?? (() => {});
  const rows: Record<string, number> = {};
  const add = (table: string, n: number) => (rows[table] = (rows[table] ?? 0) + n);
  const rng = createRng(seed);

  // Agency and users.
  const agencyId = rng.uuid();
  const directorId = rng.uuid();
  const cmId = rng.uuid();
  const managerIds = [cmId, ...Array.from({ length: counts.extraManagers }, () => rng.uuid())];
  const creatorIds = Array.from({ length: Math.min(counts.creators, counts.influencers) }, () => rng.uuid());
  const financeId = rng.uuid();
  const now = new Date().toISOString();
  await inTransaction(pool, async (client) => {
    await client.query(`INSERT INTO "Agency" (id, name, slug, "updatedAt") VALUES ($1, $2, $3, now())`, [agencyId, options.name ?? SCALE_NAME, slug]);
    const users: Row[] = [
      [directorId, agencyId, `dir@${domain}`, "Dora Director", options.passwordHash, options.mfaSecret ?? null, options.mfaSecret ? now : null, now],
      [cmId, agencyId, `cm@${domain}`, "Carl Manager", options.passwordHash, null, null, now],
      [financeId, agencyId, `fin@${domain}`, "Fiona Finance", options.passwordHash, options.mfaSecret ?? null, options.mfaSecret ? now : null, now],
      ...managerIds.slice(1).map((id, k) => [id, agencyId, `cm${k + 2}@${domain}`, `${FIRST_NAMES[k * 7 % FIRST_NAMES.length]} ${LAST_NAMES[k * 5 % LAST_NAMES.length]}`, options.passwordHash, null, null, now]),
      ...creatorIds.map((id, k) => [id, agencyId, `creator${k === 0 ? "" : k + 1}@${domain}`, `Creator ${k + 1}`, options.passwordHash, null, null, now]),
    ];
    await insertRows(client, {
      table: "User",
      columns: [
        { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "email", type: "text" }, { name: "name", type: "text" },
        { name: "passwordHash", type: "text" }, { name: "mfaSecret", type: "text" }, { name: "mfaEnabledAt", type: "timestamptz" }, { name: "updatedAt", type: "timestamptz" },
      ],
    }, users);
    await insertRows(client, {
      table: "RoleAssignment",
      columns: [
        { name: "id", type: "uuid" }, { name: "agencyId", type: "uuid" }, { name: "userId", type: "uuid" }, { name: "role", type: '"Role"' },
        { name: "scopeType", type: '"ScopeType"' }, { name: "updatedAt", type: "timestamptz" },
      ],
    }, users.map((u) => [rng.uuid(), agencyId, u[0], u[0] === directorId ? "DIR" : u[0] === financeId ? "FIN" : creatorIds.includes(u[0] as string) ? "INF" : "CM", "AGENCY", now]));
    add("User", users.length);
    add("RoleAssignment", users.length);
  });

  // Clients.
  const clientIds: string[] = [];
  progress("clients", 0, counts.clients, 0);
  for (let from = 0; from < counts.clients; from += batch) {
    const to = Math.min(counts.clients, from + batch);
    const clientRows = generateClients(agencyId, seed, from, to);
    clientIds.push(...clientRows.map((r) => r[0] as string));
    await inTransaction(pool, (client) => insertRows(client, CLIENT_TABLE, clientRows));
    add("Client", clientRows.length);
    progress("clients", to, counts.clients, rows.Client);
  }

  // Influencers with their social accounts and rate cards, one transaction per batch.
  progress("influencers", 0, counts.influencers, 0);
  let written = 0;
  for (let from = 0; from < counts.influencers; from += batch) {
    const to = Math.min(counts.influencers, from + batch);
    const generated = generateInfluencers(agencyId, seed, from, to, counts.socialsPerInfluencer);
    await inTransaction(pool, async (client) => {
      await insertRows(client, INFLUENCER_TABLE, generated.influencers);
      await insertRows(client, SOCIAL_TABLE, generated.socials);
      await insertRows(client, RATE_CARD_TABLE, generated.rateCards);
    });
    add("InfluencerProfile", generated.influencers.length);
    add("SocialAccount", generated.socials.length);
    add("RateCard", generated.rateCards.length);
    written += generated.influencers.length + generated.socials.length + generated.rateCards.length;
    progress("influencers", to, counts.influencers, written);
  }
  // The creator users' own profiles: the first influencers.
  if (creatorIds.length) {
    await pool.query(
      `UPDATE "InfluencerProfile" p SET "userId" = t.user_id FROM unnest($1::uuid[], $2::uuid[]) AS t(profile_id, user_id) WHERE p.id = t.profile_id`,
      [creatorIds.map((_, k) => influencerId(seed, k)), creatorIds],
    );
  }

  // Campaigns with history, brief revisions and assignments.
  const ctx: CampaignContext = {
    agencyId, seed, clientIds, managerIds, directorId, influencerCount: counts.influencers,
    minAssignments: counts.minAssignments, maxAssignments: counts.maxAssignments, creators: creatorIds.length,
  };
  const campaignBatch = Math.max(1, Math.floor(batch / 2));
  progress("campaigns", 0, counts.campaigns, 0);
  written = 0;
  for (let from = 0; from < counts.campaigns; from += campaignBatch) {
    const to = Math.min(counts.campaigns, from + campaignBatch);
    const generated = generateCampaigns(ctx, from, to);
    await inTransaction(pool, async (client) => {
      await insertRows(client, CAMPAIGN_TABLE, generated.campaigns);
      await insertRows(client, STATUS_CHANGE_TABLE, generated.changes);
      await insertRows(client, BRIEF_TABLE, generated.briefs);
      for (let k = 0; k < generated.assignments.length; k += batch) await insertRows(client, ASSIGNMENT_TABLE, generated.assignments.slice(k, k + batch));
    });
    add("Campaign", generated.campaigns.length);
    add("CampaignStatusChange", generated.changes.length);
    add("CampaignBrief", generated.briefs.length);
    add("CampaignInfluencer", generated.assignments.length);
    written += generated.campaigns.length + generated.changes.length + generated.briefs.length + generated.assignments.length;
    progress("campaigns", to, counts.campaigns, written);
  }

  await seedContent(pool, { agencyId, seed, counts, batch, progress, add });
  await seedFinance(pool, { agencyId, seed, counts, batch, progress, add });
  progress("approvals", 0, 1, 0);
  await seedPendingApprovals(pool, { agencyId, add });
  progress("approvals", 1, 1, rows.ApprovalItem ?? 0);

  progress("analyze", 0, 1, 0);
  for (const table of [
    "Client", "InfluencerProfile", "SocialAccount", "RateCard", "Campaign", "CampaignStatusChange", "CampaignBrief", "CampaignInfluencer", "User",
    "RoleAssignment", "ApprovalItem", "ContentTask", "ContentArtifact", "FinancialObject", "FinancialLine", "FinancialRevision", "InvoiceCounter",
  ]) {
    await pool.query(`ANALYZE "${table}"`);
  }
  progress("analyze", 1, 1, 0);
  return { agencyId, rows, ms: Date.now() - started };
}
