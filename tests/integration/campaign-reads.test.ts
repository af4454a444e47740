import { beforeAll, describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";
import { listCampaigns } from "@/lib/domain/campaigns/list-campaigns";
import { Prisma } from "@/lib/generated/prisma/client";
import { createCampaignRow } from "../setup/campaign-factories";
import { createActor, createAgencyWithClients, expectAppError, uid } from "../setup/factories";

// The campaign list and detail are one hand-written statement each (lib/db/sql.ts). What the Prisma reads did
// for free is pinned here: cursor paging through null dates (nulls last both ways), ties broken by id, the
// total of the whole list beside a page, Decimal money and Date values, the newest 200 status changes with
// the names of who made them (people of another agency stay nameless), brief revisions newest first.

let agencyId: string;
let director: AuthContext;
let manager: AuthContext;
let clientUser: AuthContext;
let clientOneId: string;
let clientTwoId: string;
let foreignUserId: string;
const tag = uid();

beforeAll(async () => {
  const setup = await createAgencyWithClients("Campaign Reads");
  agencyId = setup.agency.id;
  director = setup.director.ctx;
  manager = setup.manager.ctx;
  clientOneId = setup.clientOne.id;
  clientTwoId = setup.clientTwo.id;
  clientUser = (await createActor(agencyId, { role: "CLIENT", scopeType: "CLIENT", scopeId: clientOneId })).ctx;
  const other = await createAgencyWithClients("Campaign Reads Other");
  foreignUserId = other.manager.user.id;
  // Nine campaigns: three without a start date, pairs sharing a date (ties go by id), two clients.
  const starts = ["2026-03-01", null, "2026-01-15", "2026-03-01", null, "2026-02-01", "2026-01-15", null, "2026-03-01"];
  for (const [i, start] of starts.entries()) {
    const c = await createCampaignRow(agencyId, {
      clientId: i % 3 === 2 ? clientTwoId : clientOneId,
      ownerId: manager.userId,
      name: `Dates ${i} ${tag}`,
    });
    await db.campaign.update({
      where: { id: c.id },
      data: {
        startDate: start ? new Date(`${start}T00:00:00.000Z`) : null,
        plannedBudget: i % 2 ? new Prisma.Decimal("1250.50") : null,
      },
    });
  }
}, 60_000);

describe("listCampaigns", () => {
  const expected = async (dir: "asc" | "desc") => {
    const rows = await db.campaign.findMany({
      where: { agencyId, name: { endsWith: tag } },
      select: { id: true, startDate: true },
    });
    const dated = rows
      .filter((r) => r.startDate)
      .sort((a, b) => a.startDate!.getTime() - b.startDate!.getTime() || (a.id < b.id ? -1 : 1));
    const undated = rows.filter((r) => !r.startDate).sort((a, b) => (a.id < b.id ? -1 : 1));
    return dir === "asc"
      ? [...dated, ...undated].map((r) => r.id)
      : [...dated.reverse(), ...undated.reverse()].map((r) => r.id);
  };

  for (const dir of ["asc", "desc"] as const) {
    it(`pages by cursor through null start dates (${dir}, nulls last), the total always the whole list`, async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let step = 0; step < 10; step++) {
        const page: Awaited<ReturnType<typeof listCampaigns>> = await listCampaigns(director, {
          q: tag,
          sort: "startDate",
          dir,
          take: 2,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.total).toBe(9);
        expect(page.page).toBe(cursor ? null : 1);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toEqual(await expected(dir));
      const byNumber = [1, 2, 3, 4, 5].map((page) =>
        listCampaigns(director, { q: tag, sort: "startDate", dir, take: 2, page }),
      );
      expect((await Promise.all(byNumber)).flatMap((p) => p.items.map((c) => c.id))).toEqual(await expected(dir));
    });
  }

  it("returns the list item shape: Dates, Decimal money, client and owner names; an empty page keeps its total", async () => {
    const { items, total, pageSize, nextCursor } = await listCampaigns(director, {
      q: tag,
      sort: "name",
      dir: "asc",
      take: 100,
    });
    expect([total, pageSize, nextCursor, items.length]).toEqual([9, 100, null, 9]);
    const first = items[0];
    expect(Object.keys(first)).toEqual([
      "id",
      "name",
      "status",
      "riskLevel",
      "riskScore",
      "startDate",
      "endDate",
      "plannedBudget",
      "currency",
      "platforms",
      "missingInfo",
      "updatedAt",
      "client",
      "owner",
    ]);
    expect(first).toMatchObject({
      name: `Dates 0 ${tag}`,
      status: "DRAFT",
      riskLevel: "LOW",
      riskScore: 0,
      endDate: null,
      plannedBudget: null,
      currency: "EUR",
      platforms: [],
      owner: { id: manager.userId, name: manager.name },
    });
    expect(first.startDate).toEqual(new Date("2026-03-01T00:00:00.000Z"));
    expect(first.updatedAt).toBeInstanceOf(Date);
    expect(first.client.id).toBe(clientOneId);
    expect(Prisma.Decimal.isDecimal(items[1].plannedBudget)).toBe(true);
    expect(JSON.stringify(items[1].plannedBudget)).toBe('"1250.5"');
    const beyond = await listCampaigns(director, { q: tag, page: 50 });
    expect(beyond).toMatchObject({ items: [], total: 9, page: 50, nextCursor: null });
  });

  it("a cursor outside the caller's filtered list is invalid; the client user's list is their client's", async () => {
    const all = (await listCampaigns(director, { q: tag, take: 100 })).items;
    const ofClientTwo = all.find((c) => c.client.id === clientTwoId)!;
    await expectAppError(listCampaigns(clientUser, { q: tag, cursor: ofClientTwo.id }), "VALIDATION_FAILED");
    await expectAppError(
      listCampaigns(director, { q: tag, clientId: clientOneId, cursor: ofClientTwo.id }),
      "VALIDATION_FAILED",
    );
    const mine = await listCampaigns(clientUser, { q: tag, take: 100 });
    expect(mine.total).toBe(6);
    expect(mine.items.every((c) => c.client.id === clientOneId)).toBe(true);
    expect(
      (await listCampaigns(director, { q: tag, to: "2026-01-31", take: 100 })).items.map((c) => c.name).sort(),
    ).toEqual([`Dates 2 ${tag}`, `Dates 6 ${tag}`]);
  });

  it("searches names case-insensitively, short searches (their own statement) too; % and _ stay wildcards as before", async () => {
    const names = async (q: string) =>
      (await listCampaigns(director, { q, take: 100 })).items.map((c) => c.name).sort();
    expect(await names("eS")).toHaveLength(9);
    expect(await names("dA")).toHaveLength(9);
    expect(await names("x")).toEqual([]);
    expect(await names(`DATES 1 ${tag.toUpperCase()}`)).toEqual([`Dates 1 ${tag}`]);
    expect(await names(`Dat_s%${tag.slice(0, 3)}`)).toHaveLength(9);
    expect((await listCampaigns(director, { q: "dA", take: 2 })).total).toBe(9);
  });
});

describe("getCampaign", () => {
  let id: string;
  beforeAll(async () => {
    const c = await createCampaignRow(agencyId, {
      clientId: clientOneId,
      ownerId: manager.userId,
      directorId: director.userId,
      name: `History ${tag}`,
      policy: { financeThreshold: 5000 },
    });
    id = c.id;
    await db.campaign.update({
      where: { id },
      data: {
        plannedBudget: new Prisma.Decimal("25000.50"),
        startDate: new Date("2026-04-01T00:00:00.000Z"),
        platforms: ["INSTAGRAM", "TIKTOK"],
        briefRevision: 2,
      },
    });
    await db.campaignBrief.create({
      data: { agencyId, campaignId: id, revision: 2, content: "v2", createdById: manager.userId },
    });
    // 205 status changes a second apart: by the manager, by nobody, and one by a user of another agency.
    const base = Date.parse("2026-01-01T00:00:00.000Z");
    await db.campaignStatusChange.createMany({
      data: Array.from({ length: 205 }, (_, i) => ({
        agencyId,
        campaignId: id,
        from: i ? ("DRAFT" as const) : null,
        to: "DRAFT" as const,
        reason: `step ${i}`,
        changedById: i === 204 ? foreignUserId : i % 2 ? manager.userId : null,
        createdAt: new Date(base + i * 1000),
      })),
    });
  });

  it("one campaign: its fields in place, Decimal money, Dates, people, the newest 200 changes with names, brief revisions", async () => {
    const c = await getCampaign(director, id);
    expect(Object.keys(c)).toEqual([
      "id",
      "agencyId",
      "clientId",
      "name",
      "objective",
      "brief",
      "briefRevision",
      "shortlistRevision",
      "platforms",
      "startDate",
      "endDate",
      "plannedBudget",
      "currency",
      "ownerId",
      "directorId",
      "policy",
      "riskScore",
      "riskLevel",
      "missingInfo",
      "status",
      "statusBeforeHold",
      "version",
      "createdAt",
      "updatedAt",
      "client",
      "owner",
      "director",
      "statusChanges",
      "history",
      "briefs",
    ]);
    expect(c).toMatchObject({
      id,
      agencyId,
      name: `History ${tag}`,
      platforms: ["INSTAGRAM", "TIKTOK"],
      policy: { financeThreshold: 5000 },
      statusBeforeHold: null,
      endDate: null,
    });
    expect(c.startDate).toEqual(new Date("2026-04-01T00:00:00.000Z"));
    expect(Prisma.Decimal.isDecimal(c.plannedBudget)).toBe(true);
    expect(String(c.plannedBudget)).toBe("25000.5");
    expect(c.owner).toEqual({ id: manager.userId, name: manager.name, email: manager.email });
    expect(c.director).toEqual({ id: director.userId, name: director.name, email: director.email });
    expect(c.history).toHaveLength(200);
    expect(c.history[0]).toEqual({
      id: expect.any(String),
      from: "DRAFT",
      to: "DRAFT",
      reason: "step 204",
      createdAt: new Date(Date.parse("2026-01-01T00:03:24.000Z")),
      changedBy: { id: foreignUserId, name: null },
    });
    expect(c.history[1]).toMatchObject({ reason: "step 203", changedBy: { id: manager.userId, name: manager.name } });
    expect(c.history[2]).toMatchObject({ reason: "step 202", changedBy: null });
    expect(c.history[199]).toMatchObject({ reason: "step 5" });
    expect(c.briefs).toEqual([
      { id: expect.any(String), revision: 2, createdAt: expect.any(Date), createdBy: manager.name },
      { id: expect.any(String), revision: 1, createdAt: expect.any(Date), createdBy: null },
    ]);
  });

  it("a client user gets no internals; outside the scope or of another agency it does not exist", async () => {
    const c = await getCampaign(clientUser, id);
    expect(c).toMatchObject({
      policy: {},
      riskScore: 0,
      riskLevel: null,
      missingInfo: [],
      owner: { id: manager.userId, email: null },
      director: { id: director.userId, email: null },
    });
    const two = (await listCampaigns(director, { q: tag, clientId: clientTwoId })).items[0].id;
    await expectAppError(getCampaign(clientUser, two), "NOT_FOUND");
    const other = await createActor(agencyId, { role: "CM" });
    await expectAppError(getCampaign(other.ctx, id), "NOT_FOUND");
    await expectAppError(getCampaign(director, "00000000-0000-4000-8000-000000000000"), "NOT_FOUND");
  });
});
