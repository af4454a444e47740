import { PLATFORMS } from "@/lib/domain/enums";
import { createRng, DAY, iso, money, pgArray, SCALE_EPOCH, slugPart, type Row, type Table } from "./rows";

// The scale agency's influencers: people, countries, platforms, and the generator of profiles with their
// social accounts and rate cards.

export const FIRST_NAMES = [
  "Emma",
  "Lena",
  "Mia",
  "Hannah",
  "Sophie",
  "Lea",
  "Anna",
  "Marie",
  "Laura",
  "Julia",
  "Clara",
  "Nora",
  "Ella",
  "Olivia",
  "Amelia",
  "Isla",
  "Ava",
  "Grace",
  "Chloe",
  "Zoe",
  "Lucía",
  "Sofía",
  "Martina",
  "Valentina",
  "Giulia",
  "Chiara",
  "Camille",
  "Léa",
  "Manon",
  "Inès",
  "Freja",
  "Astrid",
  "Ingrid",
  "Saga",
  "Maja",
  "Zofia",
  "Aisha",
  "Priya",
  "Yuki",
  "Mei",
  "Noah",
  "Liam",
  "Lucas",
  "Leon",
  "Paul",
  "Felix",
  "Jonas",
  "Elias",
  "Ben",
  "Finn",
  "Oliver",
  "Jack",
  "Harry",
  "George",
  "Leo",
  "Mateo",
  "Hugo",
  "Louis",
  "Gabriel",
  "Arthur",
  "Luca",
  "Marco",
  "Matteo",
  "Lorenzo",
  "Erik",
  "Oskar",
  "Nils",
  "Jakub",
  "Kacper",
  "Omar",
  "Ravi",
  "Kenji",
  "Daniel",
  "Samuel",
] as const;

export const LAST_NAMES = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Hoffmann",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Hartmann",
  "Smith",
  "Jones",
  "Taylor",
  "Brown",
  "Williams",
  "Wilson",
  "Evans",
  "Thomas",
  "Roberts",
  "Walker",
  "Wright",
  "Green",
  "Hughes",
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Laurent",
  "García",
  "Fernández",
  "López",
  "Martínez",
  "Sánchez",
  "Romero",
  "Rossi",
  "Russo",
  "Ferrari",
  "Esposito",
  "Bianchi",
  "Romano",
  "Colombo",
  "de Vries",
  "Jansen",
  "Bakker",
  "Visser",
  "Johansson",
  "Andersson",
  "Nilsson",
  "Larsen",
  "Hansen",
  "Nielsen",
  "Kowalski",
  "Nowak",
  "Wiśniewska",
  "Novak",
  "Silva",
  "Santos",
  "Costa",
  "Murphy",
  "Kelly",
] as const;

export const COUNTRIES: readonly (readonly [string, number])[] = [
  ["DE", 14],
  ["GB", 12],
  ["FR", 11],
  ["US", 10],
  ["ES", 8],
  ["IT", 8],
  ["NL", 6],
  ["SE", 4],
  ["PL", 5],
  ["AT", 3],
  ["CH", 3],
  ["BE", 3],
  ["DK", 2],
  ["NO", 2],
  ["IE", 2],
  ["PT", 3],
  ["FI", 2],
  ["CZ", 2],
];

const CITIES: Record<string, readonly string[]> = {
  DE: ["Berlin", "Hamburg", "München", "Köln", "Leipzig"],
  GB: ["London", "Manchester", "Bristol", "Leeds"],
  FR: ["Paris", "Lyon", "Marseille", "Bordeaux"],
  US: ["New York", "Los Angeles", "Austin", "Miami"],
  ES: ["Madrid", "Barcelona", "Valencia"],
  IT: ["Milano", "Roma", "Torino"],
  NL: ["Amsterdam", "Rotterdam", "Utrecht"],
  SE: ["Stockholm", "Göteborg"],
  PL: ["Warszawa", "Kraków"],
  AT: ["Wien", "Graz"],
  CH: ["Zürich", "Genève"],
  BE: ["Bruxelles", "Antwerpen"],
  DK: ["København", "Aarhus"],
  NO: ["Oslo", "Bergen"],
  IE: ["Dublin", "Cork"],
  PT: ["Lisboa", "Porto"],
  FI: ["Helsinki", "Tampere"],
  CZ: ["Praha", "Brno"],
};

const LANGUAGE_OF: Record<string, string> = {
  DE: "de",
  GB: "en",
  FR: "fr",
  US: "en",
  ES: "es",
  IT: "it",
  NL: "nl",
  SE: "sv",
  PL: "pl",
  AT: "de",
  CH: "de",
  BE: "fr",
  DK: "da",
  NO: "no",
  IE: "en",
  PT: "pt",
  FI: "fi",
  CZ: "cs",
};

export const NICHES = [
  "beauty",
  "skincare",
  "fashion",
  "fitness",
  "food",
  "travel",
  "gaming",
  "tech",
  "parenting",
  "home",
  "finance",
  "music",
  "comedy",
  "sports",
  "outdoor",
  "pets",
  "books",
  "sustainability",
  "automotive",
  "wellness",
] as const;

export { PLATFORMS };
export type PlatformName = (typeof PLATFORMS)[number];
export const PLATFORM_WEIGHTS: readonly (readonly [PlatformName, number])[] = [
  ["INSTAGRAM", 40],
  ["TIKTOK", 25],
  ["YOUTUBE", 15],
  ["X", 5],
  ["LINKEDIN", 4],
  ["TWITCH", 5],
  ["PINTEREST", 3],
  ["SNAPCHAT", 3],
];
const PLATFORM_URL: Record<PlatformName, string> = {
  INSTAGRAM: "https://instagram.com/",
  TIKTOK: "https://tiktok.com/@",
  YOUTUBE: "https://youtube.com/@",
  X: "https://x.com/",
  LINKEDIN: "https://linkedin.com/in/",
  TWITCH: "https://twitch.tv/",
  PINTEREST: "https://pinterest.com/",
  SNAPCHAT: "https://snapchat.com/add/",
};
export const DELIVERABLE_OF: Record<PlatformName, string> = {
  INSTAGRAM: "INSTAGRAM_REEL",
  TIKTOK: "TIKTOK_VIDEO",
  YOUTUBE: "YOUTUBE_VIDEO",
  X: "X_POST",
  LINKEDIN: "LINKEDIN_POST",
  TWITCH: "OTHER",
  PINTEREST: "OTHER",
  SNAPCHAT: "OTHER",
};

export const INFLUENCER_TABLE: Table = {
  table: "InfluencerProfile",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "profileType", type: '"ProfileType"' },
    { name: "status", type: '"InfluencerStatus"' },
    { name: "health", type: '"Health"' },
    { name: "displayName", type: "text" },
    { name: "legalName", type: "text" },
    { name: "email", type: "text" },
    { name: "country", type: "text" },
    { name: "city", type: "text" },
    { name: "languages", type: "text[]" },
    { name: "niches", type: "text[]" },
    { name: "totalFollowers", type: "int4" },
    { name: "topEngagement", type: "numeric" },
    { name: "createdAt", type: "timestamptz" },
    { name: "updatedAt", type: "timestamptz" },
  ],
};

export const SOCIAL_TABLE: Table = {
  table: "SocialAccount",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "influencerId", type: "uuid" },
    { name: "platform", type: '"Platform"' },
    { name: "handle", type: "text" },
    { name: "url", type: "text" },
    { name: "followers", type: "int4" },
    { name: "engagementRate", type: "numeric" },
    { name: "avgViews", type: "int4" },
    { name: "verified", type: "bool" },
    { name: "lastSyncedAt", type: "timestamptz" },
    { name: "updatedAt", type: "timestamptz" },
  ],
};

export const RATE_CARD_TABLE: Table = {
  table: "RateCard",
  columns: [
    { name: "id", type: "uuid" },
    { name: "agencyId", type: "uuid" },
    { name: "influencerId", type: "uuid" },
    { name: "platform", type: '"Platform"' },
    { name: "deliverableType", type: '"DeliverableType"' },
    { name: "fee", type: "numeric" },
    { name: "currency", type: "text" },
    { name: "updatedAt", type: "timestamptz" },
  ],
};

/** Influencers [from, to) with their social accounts and (for FULL profiles) a rate card. */
export function generateInfluencers(
  agencyId: string,
  seed: number,
  from: number,
  to: number,
  socialsPerInfluencer: number,
) {
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
        rng.uuid(),
        agencyId,
        id,
        platform,
        handle,
        `${PLATFORM_URL[platform]}${handle}`,
        followers,
        engagement.toFixed(3),
        platform === "YOUTUBE" || platform === "TIKTOK" ? Math.floor(followers * (0.05 + rng.next() * 0.3)) : null,
        followers > 500_000 && rng.chance(0.6),
        iso(updated),
        iso(updated),
      ]);
    });
    if (full) {
      const platform = platforms[0];
      const fee = Math.max(50, Math.round(((totalFollowers / 1000) * (8 + rng.next() * 12)) / 10) * 10);
      rateCards.push([rng.uuid(), agencyId, id, platform, DELIVERABLE_OF[platform], money(fee), "EUR", iso(updated)]);
    }
    influencers.push([
      id,
      agencyId,
      full ? "FULL" : "STUB",
      rng.weighted([
        ["ACTIVE", 90],
        ["INACTIVE", 8],
        ["BLOCKED", 2],
      ] as const),
      rng.weighted([
        ["GREEN", 80],
        ["YELLOW", 15],
        ["RED", 5],
      ] as const),
      displayName,
      full ? displayName : null,
      full ? `${slugPart(first)}.${slugPart(last)}.${suffix}@creators.example` : null,
      full ? country : rng.chance(0.7) ? country : null,
      full ? rng.pick(CITIES[country] ?? ["—"]) : null,
      pgArray(full ? languages : []),
      pgArray(niches),
      totalFollowers,
      topEngagement.toFixed(3),
      iso(created),
      iso(updated),
    ]);
  }
  return { ids, influencers, socials, rateCards };
}

export function influencerId(seed: number, i: number): string {
  return createRng(seed * 1_000_003 + i).uuid();
}
