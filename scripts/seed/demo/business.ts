import crypto from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignmentStatus, CampaignStatus, DeliverableType, Platform } from "@/lib/generated/prisma/enums";
import { computeMissingInfo } from "@/lib/domain/campaigns/missing-info";
import { FORWARD_CHAIN } from "@/lib/domain/campaigns/status-machine";

// Demo business data of one agency (called by scripts/seed/demo/seed.ts): ~40 influencers with social accounts, rate
// cards and pricing history, and a dozen campaigns over the status machine with their history, brief
// revisions, shortlists, approvals (a pending brief for the demo client user, a pending shortlist), a CM
// scoped to one campaign, and a few notifications. Rows are written with Prisma directly (data, not use
// cases). Idempotent: influencers are found by name, campaigns by name; everything that hangs off a campaign
// is created with it, so a second run adds nothing.

export type DemoUsers = { cm: string; dir: string; client: string; creator: string };

type InfluencerSeed = {
  name: string;
  full: boolean;
  country: string;
  city?: string;
  languages: string[];
  niches: string[];
  socials: [Platform, number, string][]; // platform, followers, engagement
  fee?: string;
  creator?: boolean;
};

const FIRST = {
  northwind: [
    "Lina",
    "Mats",
    "Clara",
    "Jonas",
    "Amélie",
    "Théo",
    "Sofia",
    "Noah",
    "Ines",
    "Felix",
    "Maja",
    "Hugo",
    "Elif",
    "Oskar",
    "Nora",
    "Luca",
    "Zoé",
    "Emil",
    "Aylin",
    "Tom",
  ],
  blueharbor: [
    "Olivia",
    "Harry",
    "Amara",
    "George",
    "Isla",
    "Kai",
    "Priya",
    "Finn",
    "Ruby",
    "Arjun",
    "Freya",
    "Leo",
    "Maisie",
    "Omar",
    "Poppy",
    "Ewan",
    "Niamh",
    "Ravi",
    "Evie",
    "Callum",
  ],
} as const;
const LAST = {
  northwind: [
    "Becker",
    "Lindqvist",
    "Moreau",
    "Vogel",
    "Dubois",
    "Krüger",
    "Rossi",
    "Jansen",
    "Haddad",
    "Nowak",
    "Berg",
    "Laurent",
    "Yilmaz",
    "Hansen",
    "Weiss",
    "Bianchi",
    "Fontaine",
    "Koch",
    "Demir",
    "Schulz",
  ],
  blueharbor: [
    "Bennett",
    "Clarke",
    "Okafor",
    "Hughes",
    "Fraser",
    "Tanaka",
    "Patel",
    "Murray",
    "Walsh",
    "Singh",
    "Campbell",
    "Doyle",
    "Price",
    "Farouk",
    "Reid",
    "Stewart",
    "Byrne",
    "Mehta",
    "Lloyd",
    "Grant",
  ],
} as const;
const COUNTRIES = {
  northwind: [
    ["DE", "Berlin", "de"],
    ["FR", "Paris", "fr"],
    ["SE", "Stockholm", "sv"],
    ["NL", "Amsterdam", "nl"],
    ["DE", "München", "de"],
    ["IT", "Milano", "it"],
    ["FR", "Lyon", "fr"],
    ["NO", "Oslo", "no"],
  ],
  blueharbor: [
    ["GB", "London", "en"],
    ["GB", "Manchester", "en"],
    ["IE", "Dublin", "en"],
    ["US", "New York", "en"],
    ["GB", "Bristol", "en"],
    ["FI", "Helsinki", "fi"],
    ["DK", "København", "da"],
    ["US", "Austin", "en"],
  ],
} as const;
const NICHES = [
  "beauty",
  "skincare",
  "fashion",
  "fitness",
  "food",
  "travel",
  "gaming",
  "tech",
  "outdoor",
  "home",
  "parenting",
  "wellness",
  "coffee",
  "books",
  "pets",
];
const PLATFORM_SETS: Platform[][] = [
  ["INSTAGRAM"],
  ["INSTAGRAM", "TIKTOK"],
  ["TIKTOK"],
  ["YOUTUBE", "INSTAGRAM"],
  ["INSTAGRAM", "TIKTOK", "YOUTUBE"],
  ["TWITCH", "YOUTUBE"],
  ["INSTAGRAM", "PINTEREST"],
  ["TIKTOK", "INSTAGRAM"],
];
const DELIVERABLE: Record<Platform, DeliverableType> = {
  INSTAGRAM: "INSTAGRAM_REEL",
  TIKTOK: "TIKTOK_VIDEO",
  YOUTUBE: "YOUTUBE_VIDEO",
  X: "X_POST",
  LINKEDIN: "LINKEDIN_POST",
  TWITCH: "OTHER",
  PINTEREST: "OTHER",
  SNAPCHAT: "OTHER",
};
const URL_OF: Record<Platform, string> = {
  INSTAGRAM: "https://instagram.com/",
  TIKTOK: "https://tiktok.com/@",
  YOUTUBE: "https://youtube.com/@",
  X: "https://x.com/",
  LINKEDIN: "https://linkedin.com/in/",
  TWITCH: "https://twitch.tv/",
  PINTEREST: "https://pinterest.com/",
  SNAPCHAT: "https://snapchat.com/add/",
};

/** Lower-case ASCII handle part: "Krüger" → "krueger", "Amélie" → "amelie". */
function ascii(text: string) {
  return text
    .toLowerCase()
    .replace(/ü/g, "ue")
    .replace(/ö/g, "oe")
    .replace(/ä/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

/** Forty deterministic influencers per agency: every third a STUB (name and one handle), the others FULL. */
export function demoInfluencers(slug: "northwind" | "blueharbor"): InfluencerSeed[] {
  const first = FIRST[slug];
  const last = LAST[slug];
  const list: InfluencerSeed[] = [];
  for (let i = 0; i < 40; i++) {
    const name = `${first[i % 20]} ${last[(i * 7 + Math.floor(i / 20) * 3) % 20]}`;
    const [country, city, language] = COUNTRIES[slug][i % 8];
    const full = i % 3 !== 2;
    const platforms = full ? PLATFORM_SETS[i % PLATFORM_SETS.length] : [PLATFORM_SETS[i % PLATFORM_SETS.length][0]];
    // Followers from 4k to ~2.4M, engagement 1.2–8.9 %: deterministic but varied.
    const socials = platforms.map((p, k): [Platform, number, string] => [
      p,
      4_000 + ((i * 7919 + k * 104_729) % 60) ** 3 * 11,
      (1.2 + ((i * 37 + k * 11) % 78) / 10).toFixed(3),
    ]);
    list.push({
      name,
      full,
      country,
      city: full ? city : undefined,
      languages: full ? [...new Set([language, "en"])] : [],
      niches: [NICHES[i % NICHES.length], NICHES[(i * 5 + 3) % NICHES.length]].filter((v, k, a) => a.indexOf(v) === k),
      socials,
      fee: full ? (150 + ((i * 131) % 40) * 75).toFixed(2) : undefined,
    });
  }
  // The demo creator user's own profile.
  list.push({
    name: "Ivy Creator",
    full: true,
    country: slug === "northwind" ? "DE" : "GB",
    city: slug === "northwind" ? "Hamburg" : "Leeds",
    languages: ["en"],
    niches: ["lifestyle", "travel"],
    socials: [
      ["INSTAGRAM", 86_400, "5.400"],
      ["TIKTOK", 142_000, "7.100"],
    ],
    fee: "900.00",
    creator: true,
  });
  return list;
}

type CampaignSeed = {
  name: string;
  client: number; // index into the agency's clients
  status: CampaignStatus;
  /** For ON_HOLD: where it was; for CANCELLED: where it stopped. */
  from?: CampaignStatus;
  owner: "cm" | "dir";
  objective?: string;
  brief?: string[];
  budget?: string;
  startInDays: number;
  lengthDays: number;
  platforms: Platform[];
  shortlist?: number; // how many influencers are assigned
  risk?: "LOW" | "MEDIUM" | "HIGH";
  /** The CM is put on this (DIR-owned) campaign with a CAMPAIGN-scoped role. */
  scopedCm?: boolean;
};

/** The campaign status machine's forward chain: a demo campaign has walked it up to its status. */
const PATH: readonly CampaignStatus[] = FORWARD_CHAIN;

const brief = (product: string, audience: string, extra: string) => [
  `## Goal\nMake ${product} known to ${audience}.\n\n## Deliverables\n- 1 reel and 3 stories per creator\n- Usage rights: 3 months organic\n\n## Do\n- Show the product in daily use\n- Disclose the partnership (#ad)`,
  `## Goal\nMake ${product} known to ${audience}; ${extra}.\n\n## Deliverables\n- 1 reel and 3 stories per creator, 1 TikTok for creators with an account\n- Usage rights: 3 months organic, 1 month paid\n\n## Do\n- Show the product in daily use\n- Disclose the partnership (#ad)\n\n## Don't\n- Mention competitors`,
];

function campaignsFor(slug: "northwind" | "blueharbor"): CampaignSeed[] {
  const nw = slug === "northwind";
  return [
    {
      name: nw ? "Lumière Glow Serum Launch" : "Tidal Buds Pro Launch",
      client: 0,
      status: "BRIEF_IN_REVIEW",
      owner: "cm",
      objective: "Launch awareness in FR and DE",
      brief: brief(nw ? "the Glow Serum" : "the Buds Pro", "women 20–35", "focus on the texture"),
      budget: "48000.00",
      startInDays: 21,
      lengthDays: 45,
      platforms: ["INSTAGRAM", "TIKTOK"],
    },
    {
      name: nw ? "Lumière Summer SPF Teasers" : "Tidal Festival Season",
      client: 0,
      status: "DRAFT",
      owner: "cm",
      objective: "Seed the summer SPF line",
      startInDays: 60,
      lengthDays: 30,
      platforms: ["INSTAGRAM"],
    },
    {
      name: nw ? "Brewhaus Cold Brew Summer" : "Saffron Kitchen Ramadan Recipes",
      client: 2 % 12,
      status: "SOURCING",
      owner: "cm",
      objective: "Recipe content with creators",
      brief: brief(nw ? "the cold brew range" : "the spice kits", "food lovers", "recipes first"),
      budget: "22000.00",
      startInDays: 30,
      lengthDays: 40,
      platforms: ["INSTAGRAM", "TIKTOK"],
      shortlist: 5,
    },
    {
      name: nw ? "Fjord Outdoor Winter Trails" : "Aurora Skincare Night Routine",
      client: nw ? 1 : 2,
      status: "SHORTLIST_IN_REVIEW",
      owner: "cm",
      objective: "Reach hikers in the Nordics",
      brief: brief(nw ? "the Trail Shell jacket" : "the night cream", "outdoor people", "real trips only"),
      budget: "35000.00",
      startInDays: 25,
      lengthDays: 60,
      platforms: ["INSTAGRAM", "YOUTUBE"],
      shortlist: 4,
    },
    {
      name: nw ? "Volt Mobility City Rides" : "Urban Cycle Commuter Month",
      client: nw ? 3 : 4,
      status: "IN_PRODUCTION",
      owner: "cm",
      objective: "Test rides in five cities",
      brief: brief("the e-scooter subscription", "urban commuters", "one ride per week"),
      budget: "60000.00",
      startInDays: -10,
      lengthDays: 50,
      platforms: ["INSTAGRAM", "TIKTOK", "YOUTUBE"],
      shortlist: 6,
      risk: "MEDIUM",
    },
    {
      name: nw ? "Pixel Forge Launch Stream" : "Moonlit Books Summer Reads",
      client: nw ? 4 : 5,
      status: "LIVE",
      owner: "dir",
      objective: "Launch week streams",
      brief: brief(nw ? "Starfall Tactics" : "the summer list", "players 16–30", "live gameplay"),
      budget: "75000.00",
      startInDays: -20,
      lengthDays: 30,
      platforms: ["TWITCH", "YOUTUBE"],
      shortlist: 5,
      scopedCm: true,
    },
    {
      name: nw ? "Nordic Bites Snack Box" : "Verde Fashion Capsule",
      client: nw ? 6 : 6,
      status: "CLOSED",
      owner: "cm",
      objective: "Sampling and reviews",
      brief: brief(nw ? "the snack box" : "the capsule collection", "students", "honest reviews"),
      budget: "18000.00",
      startInDays: -120,
      lengthDays: 45,
      platforms: ["INSTAGRAM", "TIKTOK"],
      shortlist: 4,
    },
    {
      name: nw ? "Atlas Fitness New Year Reset" : "Solstice Yoga 30-Day Flow",
      client: nw ? 7 : 9,
      status: "ON_HOLD",
      from: "BUDGET_IN_REVIEW",
      owner: "dir",
      objective: "App installs in January",
      brief: brief("the training app", "people starting over", "no before/after photos"),
      budget: "40000.00",
      startInDays: 40,
      lengthDays: 31,
      platforms: ["INSTAGRAM", "YOUTUBE"],
      shortlist: 3,
      risk: "HIGH",
    },
    {
      name: nw ? "Helvetia Heritage Film" : "Crest Bank Student Accounts",
      client: nw ? 8 : 8,
      status: "CANCELLED",
      from: "SOURCING",
      owner: "dir",
      objective: "Brand film with two creators",
      brief: brief("the heritage line", "watch lovers", "cinematic"),
      budget: "90000.00",
      startInDays: 10,
      lengthDays: 20,
      platforms: ["YOUTUBE"],
      shortlist: 2,
    },
    {
      name: nw ? "Copper & Oak Holiday Gifting" : "Polar Pets Adoption Week",
      client: nw ? 11 : 7,
      status: "BRIEF_APPROVED",
      owner: "cm",
      objective: "Gift guides in December",
      brief: brief("the cask edition", "adults 25+", "responsible drinking"),
      budget: "26000.00",
      startInDays: 45,
      lengthDays: 25,
      platforms: ["INSTAGRAM"],
    },
    {
      name: nw ? "Lumière Men Grooming Tips" : "Cloudberry Tea Winter Calm",
      client: nw ? 12 : 11,
      status: "CONTRACTING",
      owner: "cm",
      objective: "Grooming tutorials",
      brief: brief("the beard oil", "men 25–40", "tutorial format"),
      budget: "30000.00",
      startInDays: 14,
      lengthDays: 35,
      platforms: ["YOUTUBE", "INSTAGRAM"],
      shortlist: 4,
    },
    // Finance e2e (scripts/seed/demo/finance.ts FINANCE_E2E): budget review with no budget yet.
    {
      name: nw ? "Lumière Holiday Gift Sets" : "Tidal Holiday Bundles",
      client: 0,
      status: "BUDGET_IN_REVIEW",
      owner: "cm",
      objective: "Gift sets with creators in December",
      brief: brief(nw ? "the holiday gift sets" : "the holiday bundles", "gift shoppers", "unboxing first"),
      budget: "36000.00",
      startInDays: 35,
      lengthDays: 30,
      platforms: ["INSTAGRAM", "TIKTOK"],
      shortlist: 3,
    },
    {
      name: nw ? "Brewhaus Barista Series" : "Tidal Studio Sessions",
      client: nw ? 2 : 0,
      status: "REPORTING",
      owner: "dir",
      objective: "Home barista how-tos",
      brief: brief("the espresso blend", "coffee nerds", "step by step"),
      budget: "20000.00",
      startInDays: -70,
      lengthDays: 40,
      platforms: ["YOUTUBE", "TIKTOK"],
      shortlist: 3,
      risk: "LOW",
    },
  ];
}

function assignmentStatus(status: CampaignStatus, k: number): AssignmentStatus {
  const at = PATH.indexOf(status);
  if (at <= PATH.indexOf("SOURCING")) return "SHORTLISTED";
  if (status === "SHORTLIST_IN_REVIEW") return "PROPOSED";
  if (at <= PATH.indexOf("BUDGET_APPROVED")) return k === 2 ? "CLIENT_REJECTED" : "CLIENT_APPROVED";
  if (at <= PATH.indexOf("CONTRACTED")) return (["OFFERED", "ACCEPTED", "CONTRACTED", "DECLINED"] as const)[k % 4];
  if (at <= PATH.indexOf("LIVE")) return k === 3 ? "DROPPED" : "ACTIVE";
  return "COMPLETED";
}

const DAY = 24 * 60 * 60 * 1000;

/** Adds the demo influencers and campaigns of one agency; returns how many rows it created. */
export async function seedBusiness(
  db: Db,
  agency: { id: string; slug: string },
  clientIds: string[],
  users: DemoUsers,
): Promise<number> {
  const slug = agency.slug === "blueharbor" ? "blueharbor" : "northwind";
  let created = 0;
  const now = Date.now();

  // Influencers, found by display name.
  const influencers: {
    id: string;
    name: string;
    socials: { platform: Platform; handle: string }[];
    fee: string | null;
    platform: Platform;
  }[] = [];
  for (const [i, inf] of demoInfluencers(slug).entries()) {
    let row = await db.influencerProfile.findFirst({
      where: { agencyId: agency.id, displayName: inf.name },
      select: {
        id: true,
        socialAccounts: { select: { platform: true, handle: true }, orderBy: { followers: "desc" } },
      },
    });
    if (!row) {
      const base = `${ascii(inf.name.split(" ")[0])}${["", ".", "_"][i % 3]}${ascii(inf.name.split(" ").slice(1).join(""))}`;
      const socials = inf.socials.map(([platform, followers, engagement], k) => ({
        agencyId: agency.id,
        platform,
        handle: k === 0 ? base : `${base}${["", ".official", "tv"][k]}`,
        url: `${URL_OF[platform]}${k === 0 ? base : `${base}${["", ".official", "tv"][k]}`}`,
        followers,
        engagementRate: engagement,
        avgViews:
          platform === "YOUTUBE" || platform === "TIKTOK" || platform === "TWITCH"
            ? Math.round(followers * 0.18)
            : null,
        verified: followers > 500_000,
        lastSyncedAt: new Date(now - (i % 9) * DAY),
      }));
      created += 1 + socials.length;
      row = await db.influencerProfile.create({
        data: {
          agencyId: agency.id,
          profileType: inf.full ? "FULL" : "STUB",
          status: i === 17 ? "INACTIVE" : "ACTIVE",
          health: i % 11 === 4 ? "YELLOW" : i === 29 ? "RED" : "GREEN",
          displayName: inf.name,
          legalName: inf.full ? inf.name : null,
          email: inf.full
            ? `${ascii(inf.name.split(" ")[0])}.${ascii(inf.name.split(" ").slice(1).join(""))}@creators.example`
            : null,
          phone: inf.full ? `+49 30 ${String(5550100 + i).padStart(7, "0")}` : null,
          country: inf.country,
          city: inf.city ?? null,
          languages: inf.languages,
          niches: inf.niches,
          tags: inf.full && i % 4 === 0 ? ["preferred"] : [],
          bio: inf.full ? `${inf.niches.join(" and ")} creator based in ${inf.city}.` : null,
          audience: inf.full
            ? {
                ageRanges: { "18-24": 34, "25-34": 41, "35-44": 17, "45+": 8 },
                genders: { female: 62, male: 36, other: 2 },
                topCountries: [inf.country, "US"],
              }
            : undefined,
          userId: inf.creator ? users.creator : null,
          totalFollowers: socials.reduce((sum, s) => sum + s.followers, 0),
          topEngagement: socials.reduce(
            (max, s) => (Number(s.engagementRate) > Number(max) ? s.engagementRate : max),
            "0.000",
          ),
          socialAccounts: { create: socials.map(({ agencyId, ...s }) => ({ ...s, agencyId })) },
          rateCards: inf.fee
            ? {
                create: socials.map((s, k) => ({
                  agencyId: agency.id,
                  platform: s.platform,
                  deliverableType: DELIVERABLE[s.platform],
                  fee: (Number(inf.fee) * (k === 0 ? 1 : 0.6)).toFixed(2),
                  currency: slug === "northwind" ? "EUR" : "GBP",
                })),
              }
            : undefined,
        },
        select: {
          id: true,
          socialAccounts: { select: { platform: true, handle: true }, orderBy: { followers: "desc" } },
        },
      });
      if (inf.fee) created += socials.length;
    }
    influencers.push({
      id: row.id,
      name: inf.name,
      socials: row.socialAccounts,
      fee: inf.fee ?? null,
      platform: inf.socials[0][0],
    });
  }

  // Campaigns, found by name; everything of a campaign is created with it.
  const currency = slug === "northwind" ? "EUR" : "GBP";
  for (const [ci, c] of campaignsFor(slug).entries()) {
    const exists = await db.campaign.findFirst({ where: { agencyId: agency.id, name: c.name }, select: { id: true } });
    if (exists) continue;
    const id = crypto.randomUUID();
    const clientId = clientIds[c.client];
    const ownerId = users[c.owner];
    const start = new Date(now + c.startInDays * DAY);
    const createdAt = new Date(now - (40 + ci * 6) * DAY);
    // The path the campaign walked: DRAFT up to where it is (or where it stopped), then ON_HOLD / CANCELLED.
    const reached = c.from ?? c.status;
    const walked = PATH.slice(0, PATH.indexOf(reached) + 1);
    if (c.status === "ON_HOLD" || c.status === "CANCELLED") walked.push(c.status);
    const step = Math.max(1, Math.floor((now - createdAt.getTime()) / DAY / (walked.length + 1)));
    const at = (k: number) => new Date(createdAt.getTime() + k * step * DAY);
    const statusChanges = walked.map((to, k) => ({
      agencyId: agency.id,
      from: k === 0 ? null : walked[k - 1],
      to,
      changedById: to === "CANCELLED" || to === "ON_HOLD" ? users.dir : ownerId,
      reason:
        k === 0
          ? "Campaign created"
          : to === "ON_HOLD"
            ? "Client paused the budget until Q1"
            : to === "CANCELLED"
              ? "Client withdrew the brief"
              : to.endsWith("_IN_REVIEW")
                ? "Sent for review"
                : null,
      createdAt: at(k),
    }));
    const briefs = (c.brief ?? [])
      .slice(0, PATH.indexOf(reached) >= PATH.indexOf("BRIEF_IN_REVIEW") ? 2 : 1)
      .map((content, k) => ({
        agencyId: agency.id,
        revision: k + 1,
        content,
        createdById: ownerId,
        createdAt: new Date(createdAt.getTime() + k * DAY),
      }));
    const briefText = briefs.length ? briefs[briefs.length - 1].content : null;
    const lines = Array.from({ length: c.shortlist ?? 0 }, (_, k) => {
      const inf = influencers[(ci * 3 + k * 5) % 40];
      const status = assignmentStatus(reached, k);
      const fee = inf.fee ?? (400 + k * 150).toFixed(2);
      const agreed = ["ACCEPTED", "CONTRACTED", "ACTIVE", "COMPLETED"].includes(status);
      return {
        id: crypto.randomUUID(),
        agencyId: agency.id,
        influencerId: inf.id,
        status,
        proposedFee: fee,
        agreedFee: agreed ? fee : null,
        currency,
        deliverableType: DELIVERABLE[inf.platform],
        contractSignedAt: ["CONTRACTED", "ACTIVE", "COMPLETED"].includes(status) ? at(walked.length - 1) : null,
        notes: k === 0 ? "Worked with us before; quick to answer." : null,
        inf,
      };
    });
    const approvals: Prisma.ApprovalItemCreateWithoutCampaignInput[] = [];
    const past = (s: CampaignStatus) => PATH.indexOf(reached) >= PATH.indexOf(s);
    const clientApprover = {
      approverRole: "CLIENT" as const,
      approverScopeType: "CLIENT" as const,
      approverScopeId: clientId,
    };
    const briefApprovalId = crypto.randomUUID();
    if (briefs.length && past("BRIEF_IN_REVIEW")) {
      const pending = reached === "BRIEF_IN_REVIEW";
      approvals.push({
        id: briefApprovalId,
        agencyId: agency.id,
        type: "BRIEF",
        status: pending ? "PENDING" : ci % 2 ? "APPROVED_WITH_CONDITIONS" : "APPROVED",
        subjectType: "CampaignBrief",
        subjectId: id,
        subjectVersion: briefs.length,
        subjectSnapshot: { brief: briefText, revision: briefs.length, campaignName: c.name },
        ...clientApprover,
        requestedById: ownerId,
        conditions: !pending && ci % 2 ? "Keep the claims to what the dermatology study says." : null,
        decidedById: pending ? null : users.client,
        decidedAt: pending ? null : at(2),
        dueAt: pending ? new Date(now + 3 * DAY) : at(2),
        expiresAt: pending ? new Date(now + 14 * DAY) : at(12),
        createdAt: pending ? new Date(now - DAY) : at(1),
        comments: pending
          ? {
              create: [
                {
                  agencyId: agency.id,
                  authorId: ownerId,
                  body: "Here is the brief for the launch: happy to walk you through it.",
                },
              ],
            }
          : undefined,
      });
    }
    const shortlistApprovalId = crypto.randomUUID();
    if (lines.length && past("SHORTLIST_IN_REVIEW")) {
      const pending = reached === "SHORTLIST_IN_REVIEW";
      approvals.push({
        id: shortlistApprovalId,
        agencyId: agency.id,
        type: "SHORTLIST",
        status: pending ? "PENDING" : "APPROVED",
        subjectType: "Shortlist",
        subjectId: id,
        subjectVersion: 1,
        subjectSnapshot: {
          currency,
          lines: lines.map((l) => ({
            lineId: l.id,
            influencerId: l.influencerId,
            name: l.inf.name,
            handles: l.inf.socials,
            proposedFee: l.proposedFee,
            currency,
            deliverableType: l.deliverableType,
          })),
        },
        ...clientApprover,
        requestedById: ownerId,
        decidedById: pending ? null : users.client,
        decidedAt: pending ? null : at(4),
        dueAt: pending ? new Date(now + 2 * DAY) : at(4),
        expiresAt: pending ? new Date(now + 14 * DAY) : at(14),
        createdAt: pending ? new Date(now - 2 * DAY) : at(3),
        decisions: pending
          ? undefined
          : {
              create: lines.map((l) => ({
                agencyId: agency.id,
                lineId: l.id,
                decision: l.status === "CLIENT_REJECTED" ? ("REJECTED" as const) : ("APPROVED" as const),
              })),
            },
      });
    }
    const fields = {
      name: c.name,
      clientId,
      objective: c.objective ?? null,
      brief: briefText,
      startDate: c.brief ? start : null,
      endDate: c.brief ? new Date(start.getTime() + c.lengthDays * DAY) : null,
      platforms: c.platforms,
      plannedBudget: c.budget ?? null,
      ownerId,
      directorId: users.dir,
    };
    await db.campaign.create({
      data: {
        id,
        agencyId: agency.id,
        ...fields,
        briefRevision: briefs.length,
        shortlistRevision: lines.length ? 1 : 0,
        currency,
        policy: {
          clientApprovesBrief: true,
          clientApprovesShortlist: true,
          approvalDueDays: 3,
          approvalExpiryDays: 14,
        },
        riskLevel: c.risk ?? "LOW",
        riskScore: c.risk === "HIGH" ? 32 : c.risk === "MEDIUM" ? 14 : 3,
        missingInfo: computeMissingInfo(fields),
        status: c.status,
        statusBeforeHold: c.status === "ON_HOLD" ? c.from : null,
        createdAt,
        statusChanges: { create: statusChanges },
        briefs: { create: briefs },
        assignments: {
          create: lines.map((l) => ({
            id: l.id,
            agencyId: l.agencyId,
            influencerId: l.influencerId,
            status: l.status,
            proposedFee: l.proposedFee,
            agreedFee: l.agreedFee,
            currency: l.currency,
            deliverableType: l.deliverableType,
            contractSignedAt: l.contractSignedAt,
            notes: l.notes,
          })),
        },
        approvals: { create: approvals },
      },
    });
    created += 1 + statusChanges.length + briefs.length + lines.length + approvals.length;

    // What was agreed on finished work becomes pricing history.
    const agreedLines = lines.filter((l) => l.agreedFee);
    if (agreedLines.length && past("IN_PRODUCTION")) {
      await db.pricingHistory.createMany({
        data: agreedLines.map((l) => ({
          agencyId: agency.id,
          influencerId: l.influencerId,
          campaignId: id,
          deliverableType: l.deliverableType,
          fee: l.agreedFee!,
          currency,
          agreedAt: at(walked.length - 2),
        })),
      });
      created += agreedLines.length;
    }

    // A CM put on a colleague's campaign through a CAMPAIGN-scoped role.
    if (c.scopedCm) {
      await db.roleAssignment.create({
        data: { agencyId: agency.id, userId: users.cm, role: "CM", scopeType: "CAMPAIGN", scopeId: id },
      });
      created++;
    }

    // A few notifications, linked like the approval engine links them, each to someone who may open it: the demo
    // client user represents the first client only (seed.ts scopes them to it), and only the campaign's owner is
    // told about its hold (the CM sees the campaigns they own or are put on).
    const notifications: Prisma.NotificationCreateManyInput[] = [];
    const clientUserSees = clientId === clientIds[0];
    if (c.status === "BRIEF_IN_REVIEW" && clientUserSees) {
      notifications.push({
        agencyId: agency.id,
        userId: users.client,
        type: "approval.requested",
        title: `Brief of "${c.name}" waits for your approval`,
        body: "Please decide within three days.",
        link: `/client/approvals/${briefApprovalId}`,
      });
    }
    if (c.status === "SHORTLIST_IN_REVIEW" && clientUserSees) {
      notifications.push({
        agencyId: agency.id,
        userId: users.client,
        type: "approval.requested",
        title: `Shortlist of "${c.name}" waits for your approval`,
        body: `${lines.length} influencers proposed.`,
        link: `/client/approvals/${shortlistApprovalId}`,
      });
    }
    if (
      approvals.some((a) => a.type === "BRIEF" && a.status !== "PENDING") &&
      (c.status === "BRIEF_APPROVED" || c.status === "CONTRACTING")
    ) {
      notifications.push({
        agencyId: agency.id,
        userId: ownerId,
        type: "approval.decided",
        title: `Brief of "${c.name}" was approved`,
        body: "The client approved the brief.",
        link: `/agency/campaigns/${id}?approval=${briefApprovalId}#approvals`,
        readAt: c.status === "CONTRACTING" ? new Date(now - 5 * DAY) : null,
      });
    }
    if (c.status === "ON_HOLD") {
      notifications.push({
        agencyId: agency.id,
        userId: ownerId,
        type: "campaign.status",
        title: `"${c.name}" is on hold`,
        body: "Client paused the budget until Q1.",
        link: `/agency/campaigns/${id}`,
      });
    }
    if (notifications.length) {
      await db.notification.createMany({ data: notifications });
      created += notifications.length;
    }
  }
  return created;
}
