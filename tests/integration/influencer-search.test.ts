import { beforeAll, describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { createStubInfluencer } from "@/lib/domain/influencers/create-stub-influencer";
import { exportInfluencersCsv } from "@/lib/domain/influencers/export-influencers";
import { searchInfluencers } from "@/lib/domain/influencers/search-influencers";
import { parseCsv } from "@/lib/csv";
import { createActor, createAgency, expectAppError, uid } from "../setup/factories";

// Directory search: typo-tolerant text (pg_trgm) on names and handles, filters that combine, sorting,
// pages, the capped count, the tenant; and the CSV export of the same search with its audit entry.

let manager: AuthContext;
let foreign: AuthContext;
let agencyId: string;
const tag = uid();

async function seed(
  ctx: AuthContext,
  name: string,
  o: {
    platform?: string;
    handle?: string;
    followers?: number;
    engagement?: number;
    country?: string;
    niches?: string[];
    languages?: string[];
  } = {},
) {
  const p = await createStubInfluencer(ctx, {
    displayName: name,
    platform: o.platform ?? "INSTAGRAM",
    handle: o.handle ?? `${name.replace(/\W+/g, "")}${uid()}`,
    followers: o.followers ?? 100,
    engagementRate: o.engagement ?? null,
  });
  await db.influencerProfile.update({
    where: { id: p.id },
    data: { country: o.country ?? null, niches: o.niches ?? [], languages: o.languages ?? [] },
  });
  return p;
}

beforeAll(async () => {
  const agency = await createAgency("Search");
  agencyId = agency.id;
  manager = (await createActor(agency.id, { role: "CM" })).ctx;
  foreign = (await createActor((await createAgency("Search Other")).id, { role: "CM" })).ctx;
  await seed(manager, "Lumière Beauty", {
    followers: 250_000,
    engagement: 4.2,
    country: "FR",
    niches: ["beauty"],
    languages: ["fr", "en"],
  });
  await seed(manager, "Lumiere Beauté Studio", {
    platform: "TIKTOK",
    followers: 90_000,
    engagement: 6.1,
    country: "BE",
    niches: ["beauty", "fashion"],
    languages: ["fr"],
  });
  await seed(manager, "Bergsteiger Max", {
    platform: "YOUTUBE",
    handle: `lumierebeautyfan${tag}`,
    followers: 12_000,
    engagement: 2.5,
    country: "DE",
    niches: ["outdoor"],
    languages: ["de"],
  });
  await seed(manager, "Totally Different", { followers: 5_000, country: "FR", niches: ["food"], languages: ["fr"] });
  for (let i = 0; i < 30; i++)
    await seed(manager, `Paged ${tag} ${String(i).padStart(2, "0")}`, { followers: 1000 + i, niches: [`p${tag}`] });
  await seed(foreign, "Lumière Beauty", { followers: 1 });
}, 60_000);

const names = (r: { items: { displayName: string }[] }) => r.items.map((i) => i.displayName);

describe("searchInfluencers", () => {
  it("finds names with typos and accents, best match first, and matches handles", async () => {
    const result = await searchInfluencers(manager, { q: "lumiere beuty" });
    // The names like it and the handle like it come first (their order depends on how the locale splits "è").
    expect(names(result).slice(0, 3).sort()).toEqual(["Bergsteiger Max", "Lumiere Beauté Studio", "Lumière Beauty"]);
    expect(names(result)).not.toContain("Totally Different");
    expect(result.items[0].score).toBeGreaterThanOrEqual(result.items[1].score ?? 1);
    const byHandle = await searchInfluencers(manager, { q: `@lumierebeautyfan${tag}` });
    expect(names(byHandle)[0]).toBe("Bergsteiger Max");
  });

  it("ranks an exact handle first, a name containing the term by the name, and a handle-only match by the handle", async () => {
    const term = `rank${uid()}`.toLowerCase();
    const niches = [`r${tag}`];
    await seed(manager, `Ana ${term}`, { followers: 10, niches });
    await seed(manager, `${term}`, { followers: 5, niches });
    await seed(manager, `Long Name With ${term} Inside`, { followers: 50, niches });
    await seed(manager, "Handle Owner", { handle: term, followers: 1, niches });
    await seed(manager, "Near Handle", { handle: `${term}xx`, followers: 1_000, niches });
    const result = await searchInfluencers(manager, { q: term, niche: niches[0] });
    // The exact handle and the exact name tie at 1 (then the most followers first).
    expect(names(result)).toEqual([
      term,
      "Handle Owner",
      `Ana ${term}`,
      "Near Handle",
      `Long Name With ${term} Inside`,
    ]);
    const scores = result.items.map((i) => i.score ?? 0);
    expect(scores[0]).toBe(1);
    expect(scores[1]).toBe(1);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(scores[4]).toBeGreaterThan(0);
  });

  it("combines the text with filters", async () => {
    expect(names(await searchInfluencers(manager, { q: "lumiere beuty", platform: "TIKTOK" }))).toEqual([
      "Lumiere Beauté Studio",
    ]);
    expect(
      names(await searchInfluencers(manager, { q: "lumiere beuty", country: "fr", minFollowers: "100000" })),
    ).toEqual(["Lumière Beauty"]);
    expect(names(await searchInfluencers(manager, { niche: "Beauty", language: "fr", minEngagement: 5 }))).toEqual([
      "Lumiere Beauté Studio",
    ]);
    expect(
      names(
        await searchInfluencers(manager, {
          niche: "beauty",
          maxEngagement: "5",
          status: "ACTIVE",
          profileType: "STUB",
        }),
      ),
    ).toEqual(["Lumière Beauty"]);
    expect(names(await searchInfluencers(manager, { status: "BLOCKED" }))).toEqual([]);
  });

  it("returns the key numbers per row, never another agency's influencers", async () => {
    const [row] = (await searchInfluencers(manager, { q: "Lumière Beauty", take: 1 })).items;
    expect(row).toMatchObject({
      totalFollowers: 250_000,
      topEngagement: "4.200",
      country: "FR",
      niches: ["beauty"],
      languages: ["fr", "en"],
      socials: [expect.objectContaining({ platform: "INSTAGRAM", followers: 250_000 })],
    });
    // The same values and types as the browse listing (no term) reads them, to the millisecond.
    const stored = await db.influencerProfile.findUniqueOrThrow({
      where: { id: row.id },
      select: { updatedAt: true, profileType: true, status: true },
    });
    expect(row.updatedAt).toBeInstanceOf(Date);
    expect(row.updatedAt.getTime()).toBe(stored.updatedAt.getTime());
    expect(row).toMatchObject({ profileType: stored.profileType, status: stored.status });
    expect(typeof row.score).toBe("number");
    const browsed = (await searchInfluencers(manager, { niche: "beauty", country: "fr", take: 100 })).items.find(
      (i) => i.id === row.id,
    )!;
    expect({ ...row, score: null }).toEqual(browsed);
    const all = await searchInfluencers(manager, { q: "lumiere", take: 100 });
    expect(all.items.every((i) => i.totalFollowers !== 1)).toBe(true);
    const theirs = await searchInfluencers(foreign, { q: "lumiere beuty" });
    expect(theirs.items.map((i) => i.totalFollowers)).toEqual([1]);
  });

  it("sorts and pages", async () => {
    const first = await searchInfluencers(manager, { niche: `p${tag}`, sort: "followers", take: 25 });
    expect(first.items).toHaveLength(25);
    expect(first.total).toBe(30);
    expect(first.hasMore).toBe(true);
    expect(first.items[0].totalFollowers).toBe(1029);
    const second = await searchInfluencers(manager, { niche: `p${tag}`, sort: "followers", take: 25, page: 2 });
    expect(second.items.map((i) => i.totalFollowers)).toEqual([1004, 1003, 1002, 1001, 1000]);
    expect(second.hasMore).toBe(false);
    const byName = await searchInfluencers(manager, { niche: `p${tag}`, sort: "name", dir: "desc", take: 1 });
    expect(byName.items[0].displayName).toBe(`Paged ${tag} 29`);
  });

  it("keeps the search column in step with renames and handle changes (triggers), and filters inside the match", async () => {
    const p = await seed(manager, `Zyxwv ${tag}`, { handle: `firsthandle${tag}`, country: "AT" });
    const column = async () =>
      (await db.influencerProfile.findUniqueOrThrow({ where: { id: p.id }, select: { searchText: true } })).searchText;
    expect(await column()).toBe(`zyxwv ${tag} firsthandle${tag}`.toLowerCase());
    const socials = async () =>
      db.influencerProfile.findUniqueOrThrow({
        where: { id: p.id },
        select: { socialPlatforms: true, socialHandles: true },
      });
    await db.socialAccount.create({
      data: { agencyId, influencerId: p.id, platform: "TIKTOK", handle: `secondhandle${tag}`.toLowerCase() },
    });
    // The platforms and handles beside it (the platform filter and the handle score read them).
    expect(await socials()).toEqual({
      socialPlatforms: ["INSTAGRAM", "TIKTOK"],
      socialHandles: [`firsthandle${tag}`, `secondhandle${tag}`].map((h) => h.toLowerCase()),
    });
    // The listing's summary of the accounts comes from the same triggers, most followers first.
    await db.socialAccount.updateMany({
      where: { influencerId: p.id, platform: "TIKTOK" },
      data: { followers: 5000, engagementRate: "2.5" },
    });
    const listed = await searchInfluencers(manager, { q: `secondhandle${tag}` });
    expect(listed.items[0].socials).toEqual([
      { platform: "TIKTOK", handle: `secondhandle${tag}`.toLowerCase(), followers: 5000, engagementRate: "2.500" },
      { platform: "INSTAGRAM", handle: `firsthandle${tag}`.toLowerCase(), followers: 100, engagementRate: null },
    ]);
    expect(names(await searchInfluencers(manager, { q: `secondhandle${tag}` }))).toEqual([`Zyxwv ${tag}`]);
    expect(
      names(await searchInfluencers(manager, { q: `secondhandle${tag}`, platform: "TIKTOK", country: "AT" })),
    ).toEqual([`Zyxwv ${tag}`]);
    expect(names(await searchInfluencers(manager, { q: `secondhandle${tag}`, country: "DE" }))).toEqual([]);
    expect(names(await searchInfluencers(manager, { q: `secondhandle${tag}`, platform: "YOUTUBE" }))).toEqual([]);
    await db.influencerProfile.update({ where: { id: p.id }, data: { displayName: `Qwerty ${tag}` } });
    expect(names(await searchInfluencers(manager, { q: `qwerty ${tag}` }))[0]).toBe(`Qwerty ${tag}`);
    expect(await column()).toBe(`qwerty ${tag} firsthandle${tag} secondhandle${tag}`.toLowerCase());
    await db.socialAccount.deleteMany({ where: { influencerId: p.id, platform: "TIKTOK" } });
    expect(await column()).toBe(`qwerty ${tag} firsthandle${tag}`.toLowerCase());
    // The app never writes the column: a stray value is recomputed.
    await db.influencerProfile.update({ where: { id: p.id }, data: { searchText: "tampered" } });
    expect(await column()).toBe(`qwerty ${tag} firsthandle${tag}`.toLowerCase());
    await db.influencerProfile.update({
      where: { id: p.id },
      data: { socialPlatforms: ["YOUTUBE"], socialHandles: ["x"] },
    });
    expect(await socials()).toEqual({
      socialPlatforms: ["INSTAGRAM"],
      socialHandles: [`firsthandle${tag}`.toLowerCase()],
    });
    // Typos still find it with a filter applied (the fuzzy pass), and the count matches the rows.
    const typo = await searchInfluencers(manager, { q: `qwerty ${tag}`.replace("qwerty", "qwetry"), country: "AT" });
    expect(names(typo)).toContain(`Qwerty ${tag}`);
    expect(typo.total).toBe(typo.items.length);
  });

  it("names bad filters", async () => {
    for (const [input, field] of [
      [{ platform: "MYSPACE" }, "platform"],
      [{ minFollowers: "-1" }, "minFollowers"],
      [{ minFollowers: "10", maxFollowers: "5" }, "maxFollowers"],
      [{ sort: "random" }, "sort"],
      [{ take: "1000" }, "take"],
      [{ country: "France" }, "country"],
    ] as const) {
      const error = await expectAppError(searchInfluencers(manager, input), "VALIDATION_FAILED");
      expect(Object.keys(error.fields ?? {})).toContain(field);
    }
  });
});

async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("exportInfluencersCsv", () => {
  it("streams the current search with a header row and audits the export", async () => {
    const text = await readAll(await exportInfluencersCsv(manager, { q: "lumiere beuty", country: "FR" }));
    const records = parseCsv(text).map((r) => r.fields);
    expect(records[0]).toEqual([
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
    ]);
    expect(records.slice(1).map((r) => r[1])).toEqual(["Lumière Beauty"]);
    expect(records[1].slice(4, 9)).toEqual(["FR", "fr;en", "beauty", "250000", "4.200"]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { agencyId, action: "influencer.export" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.actorId).toBe(manager.userId);
    expect(JSON.stringify(audit.diff)).toContain("lumiere beuty");
    const paged = parseCsv(await readAll(await exportInfluencersCsv(manager, { niche: `p${tag}` })));
    expect(paged).toHaveLength(31);
  });
});
