import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";
import { listCampaigns } from "@/lib/domain/campaigns/list-campaigns";
import { listClients } from "@/lib/domain/clients/list-clients";
import { createCampaignRow } from "../setup/campaign-factories";
import { createActor, createAgencyWithClients, createClientRow, expectAppError, uid } from "../setup/factories";

// Issue 14, item 2: the agency's campaign, client and approval lists page by keyset (`after`, the `next` of the page
// before). Every row comes exactly once across the pages, in the list's order, also when many rows tie on the sort
// key (the id decides); another agency's rows, sharing the names and instants, never appear; a cursor that is not
// one of the list's is refused as bad input naming `after`, never a 500.

const tag = uid();
const SAME_INSTANT = new Date("2026-11-01T00:00:00.000Z");

let agencyId: string;
let director: AuthContext;
let manager: AuthContext;
let clientUser: AuthContext;
let clientOneId: string;
let foreign: { agencyId: string; director: AuthContext; clientId: string; managerId: string };
const foreignIds = new Set<string>();

/** Walks a list by its `next` cursors (pages of `take`), returning the ids in the order met. */
async function walk(
  read: (after: string | undefined) => Promise<{ items: { id: string }[]; next: string | null; offset: number | null }>,
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await read(after);
    expect(page.offset).toBe(ids.length);
    ids.push(...page.items.map((i) => i.id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error("more than 100 pages");
}

async function campaignsOf(agency: string, clientId: string, ownerId: string, count: number) {
  const made: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = await createCampaignRow(agency, {
      clientId,
      ownerId,
      // Three names only, so names tie; a third without a start date.
      name: `Keyset ${i % 3} ${tag}`,
    });
    made.push(c.id);
  }
  // Every campaign updated at the same instant (the scale data has 561 of those), start dates tie in pairs.
  await db.$executeRaw`UPDATE "Campaign" SET "updatedAt" = ${SAME_INSTANT},
    "startDate" = CASE WHEN (ascii(id::text) % 3) = 0 THEN NULL ELSE DATE '2026-03-01' + (ascii(id::text) % 2) END
    WHERE id = ANY(${made}::uuid[])`;
  return made;
}

beforeAll(async () => {
  const setup = await createAgencyWithClients("Keyset Lists");
  agencyId = setup.agency.id;
  director = setup.director.ctx;
  manager = setup.manager.ctx;
  clientOneId = setup.clientOne.id;
  clientUser = (await createActor(agencyId, { role: "CLIENT", scopeType: "CLIENT", scopeId: clientOneId })).ctx;
  const other = await createAgencyWithClients("Keyset Lists Other");
  foreign = {
    agencyId: other.agency.id,
    director: other.director.ctx,
    clientId: other.clientOne.id,
    managerId: other.manager.user.id,
  };
  await campaignsOf(agencyId, clientOneId, manager.userId, 7);
  await campaignsOf(agencyId, setup.clientTwo.id, manager.userId, 4);
  for (const id of await campaignsOf(foreign.agencyId, foreign.clientId, foreign.managerId, 5)) foreignIds.add(id);

  // Clients: names tie in threes, every one updated at the same instant; the other agency's carry the same names.
  const clients: string[] = [];
  for (let i = 0; i < 8; i++) clients.push((await createClientRow(agencyId, { name: `Keyset ${i % 3} ${tag}` })).id);
  for (let i = 0; i < 4; i++) {
    const c = await createClientRow(foreign.agencyId, { name: `Keyset ${i % 3} ${tag}` });
    clients.push(c.id);
    foreignIds.add(c.id);
  }
  await db.$executeRaw`UPDATE "Client" SET "updatedAt" = ${SAME_INSTANT}, tags = ARRAY[${tag}] WHERE id = ANY(${clients}::uuid[])`;
}, 120_000);

describe("campaign list keyset pages", () => {
  const orders = [
    { sort: "updatedAt", dir: "desc" },
    { sort: "name", dir: "asc" },
    { sort: "name", dir: "desc" },
    { sort: "startDate", dir: "asc" },
    { sort: "startDate", dir: "desc" },
    { sort: "status", dir: "asc" },
  ] as const;
  for (const { sort, dir } of orders) {
    it(`${sort} ${dir}: each campaign once, in the order of one long page, whatever ties`, async () => {
      const whole = await listCampaigns(director, { q: tag, sort, dir, take: 100 });
      expect(whole.total).toBe(11);
      const walked = await walk((after) => listCampaigns(director, { q: tag, sort, dir, take: 2, after }));
      expect(walked).toEqual(whole.items.map((i) => i.id));
      expect(new Set(walked).size).toBe(11);
      expect(walked.some((id) => foreignIds.has(id))).toBe(false);
    });
  }

  it("the total stays the whole filtered list on every page; a filter applies on every page", async () => {
    const first = await listCampaigns(director, { q: tag, clientId: clientOneId, take: 3 });
    expect([first.total, first.items.length, first.offset]).toEqual([7, 3, 0]);
    const second = await listCampaigns(director, { q: tag, clientId: clientOneId, take: 3, after: first.next! });
    expect([second.total, second.items.length, second.offset, second.page]).toEqual([7, 3, 3, null]);
    const all = await walk((after) => listCampaigns(director, { q: tag, clientId: clientOneId, take: 3, after }));
    expect(all).toHaveLength(7);
  });

  it("a client user's pages hold only their client's campaigns; the other agency's director sees only theirs", async () => {
    const mine = await walk((after) => listCampaigns(clientUser, { q: tag, take: 2, after }));
    expect(mine).toHaveLength(7);
    const theirs = await walk((after) => listCampaigns(foreign.director, { q: tag, take: 2, after }));
    expect(theirs).toHaveLength(5);
    expect(theirs.every((id) => foreignIds.has(id))).toBe(true);
  });

  it("a cursor of another order, a tampered one or garbage is refused naming after (400), never a 500", async () => {
    const page = await listCampaigns(director, { q: tag, take: 2 });
    const tamper = (change: (cursor: Record<string, unknown>) => void) => {
      const cursor = JSON.parse(Buffer.from(page.next!, "base64url").toString()) as Record<string, unknown>;
      change(cursor);
      return Buffer.from(JSON.stringify(cursor)).toString("base64url");
    };
    const bad = [
      "garbage",
      tamper((c) => (c.o = "name:asc")),
      tamper((c) => (c.k = "not a time")),
      tamper((c) => (c.k = 42)),
      tamper((c) => (c.i = "not-a-uuid")),
      tamper((c) => (c.n = -1)),
      Buffer.from("null").toString("base64url"),
    ];
    for (const after of bad) {
      const error = await expectAppError(listCampaigns(director, { q: tag, take: 2, after }), "VALIDATION_FAILED");
      expect(error.fields).toHaveProperty("after");
    }
    const status = await listCampaigns(director, { q: tag, take: 2, sort: "status", dir: "asc" });
    const wrongStatus = JSON.parse(Buffer.from(status.next!, "base64url").toString()) as Record<string, unknown>;
    wrongStatus.k = "NOT_A_STATUS";
    await expectAppError(
      listCampaigns(director, {
        q: tag,
        take: 2,
        sort: "status",
        dir: "asc",
        after: Buffer.from(JSON.stringify(wrongStatus)).toString("base64url"),
      }),
      "VALIDATION_FAILED",
    );
  });
});

describe("client list keyset pages", () => {
  for (const { sort, dir } of [
    { sort: "name", dir: "asc" },
    { sort: "name", dir: "desc" },
    { sort: "updatedAt", dir: "desc" },
    { sort: "status", dir: "asc" },
  ] as const) {
    it(`${sort} ${dir}: each client once, in the order of one long page, the other agency's never`, async () => {
      const whole = await listClients(director, { q: tag, sort, dir, take: 100 });
      expect(whole.total).toBe(8);
      const walked = await walk((after) => listClients(director, { q: tag, sort, dir, take: 3, after }));
      expect(walked).toEqual(whole.items.map((i) => i.id));
      expect(new Set(walked).size).toBe(8);
      expect(walked.some((id) => foreignIds.has(id))).toBe(false);
    });
  }

  it("keeps the old shape and the id cursor of API clients; a bad after is a 400 naming after", async () => {
    const first = await listClients(director, { q: tag, take: 3 });
    expect(first.items[0]).toMatchObject({ _count: { contacts: 0 }, tags: [tag], archivedAt: null });
    expect(first.items[0].updatedAt).toEqual(SAME_INSTANT);
    const byId = await listClients(director, { q: tag, take: 3, cursor: first.nextCursor! });
    const byAfter = await listClients(director, { q: tag, take: 3, after: first.next! });
    expect(byId.items.map((i) => i.id)).toEqual(byAfter.items.map((i) => i.id));
    const error = await expectAppError(listClients(director, { q: tag, after: "eyJvIjoxfQ" }), "VALIDATION_FAILED");
    expect(error.fields).toHaveProperty("after");
    await expectAppError(listClients(director, { q: tag, sort: "updatedAt", after: first.next! }), "VALIDATION_FAILED");
  });
});

describe("approval queue keyset pages", () => {
  let campaignId: string;
  const queueCampaign = `Queue ${uid()}`;
  const due = (day: number | null) => (day === null ? null : new Date(Date.UTC(2026, 11, 1 + day)));

  /** Pending items: to `userId` by id, or to the DIR role of the agency; dueAt ties by threes, some undated. */
  async function items(agency: string, campaign: string, to: { userId?: string }, dues: (number | null)[]) {
    const ids: string[] = [];
    for (const day of dues) {
      const id = randomUUID();
      ids.push(id);
      await db.approvalItem.create({
        data: {
          id,
          agencyId: agency,
          campaignId: campaign,
          type: "BRIEF",
          subjectType: "Campaign",
          subjectId: randomUUID(),
          subjectVersion: 1,
          ...(to.userId
            ? { approverUserId: to.userId }
            : { approverRole: "DIR", approverScopeType: "AGENCY", approverScopeId: null }),
          dueAt: due(day),
        },
      });
    }
    return ids;
  }

  let mine: string[];
  beforeAll(async () => {
    campaignId = (
      await createCampaignRow(agencyId, { clientId: clientOneId, ownerId: manager.userId, name: queueCampaign })
    ).id;
    const byId = await items(agencyId, campaignId, { userId: director.userId }, [0, 0, 0, 1, null, null, 2]);
    const byRole = await items(agencyId, campaignId, {}, [0, 0, 1, 1, null, 3]);
    mine = [...byId, ...byRole];
    // Not in the queue: expired, decided, addressed to the manager.
    const [expired] = await items(agencyId, campaignId, { userId: director.userId }, [0]);
    await db.approvalItem.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    const [decided] = await items(agencyId, campaignId, { userId: director.userId }, [0]);
    await db.approvalItem.update({ where: { id: decided }, data: { status: "APPROVED", decidedAt: new Date() } });
    await items(agencyId, campaignId, { userId: manager.userId }, [0, 1]);
    // The other agency: the same dues, to its director by id and to its DIR role.
    const theirCampaign = await createCampaignRow(foreign.agencyId, {
      clientId: foreign.clientId,
      ownerId: foreign.managerId,
      name: queueCampaign,
    });
    for (const id of [
      ...(await items(foreign.agencyId, theirCampaign.id, { userId: foreign.director.userId }, [0, 0, null])),
      ...(await items(foreign.agencyId, theirCampaign.id, {}, [0, 1])),
    ])
      foreignIds.add(id);
  }, 60_000);

  it("walks the pending queue soonest due first, undated last, each item once, by id and by role alike", async () => {
    const whole = await listApprovalQueue(director, { take: 100 });
    expect(whole.total).toBe(13);
    expect(whole.totalCapped).toBe(false);
    expect(new Set(whole.items.map((i) => i.id))).toEqual(new Set(mine));
    const dues = whole.items.map((i) => i.dueAt?.getTime() ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    for (const take of [1, 2, 5]) {
      const walked = await walk((after) => listApprovalQueue(director, { take, after }));
      expect(walked).toEqual(whole.items.map((i) => i.id));
    }
    const theirs = await walk((after) => listApprovalQueue(foreign.director, { take: 2, after }));
    expect(theirs).toHaveLength(5);
    expect(theirs.every((id) => foreignIds.has(id))).toBe(true);
  });

  it("keeps the item shape, pages by number for API clients, and decided items newest first", async () => {
    const first = await listApprovalQueue(director, { take: 4 });
    expect(first.items[0]).toMatchObject({
      type: "BRIEF",
      status: "PENDING",
      campaign: { id: campaignId, name: queueCampaign, client: { name: expect.any(String) } },
      _count: { comments: 0 },
    });
    const second = await listApprovalQueue(director, { take: 4, page: 2 });
    const byCursor = await listApprovalQueue(director, { take: 4, after: first.next! });
    expect(second.items.map((i) => i.id)).toEqual(byCursor.items.map((i) => i.id));
    expect([byCursor.page, byCursor.offset]).toEqual([2, 4]);
    const decided = await listApprovalQueue(director, { status: "DECIDED", take: 10 });
    expect(decided.items.map((i) => i.status)).toEqual(["APPROVED"]);
  });

  it("a cursor of the decided list or garbage is refused naming after", async () => {
    const pending = await listApprovalQueue(director, { take: 1 });
    for (const after of ["x", Buffer.from('{"o":"queue:PENDING","k":"soon","i":"x","n":0}').toString("base64url")]) {
      const error = await expectAppError(listApprovalQueue(director, { after }), "VALIDATION_FAILED");
      expect(error.fields).toHaveProperty("after");
    }
    await expectAppError(listApprovalQueue(director, { status: "DECIDED", after: pending.next! }), "VALIDATION_FAILED");
  });

  it("the client user reads only items addressed to them on their client's campaigns", async () => {
    expect((await listApprovalQueue(clientUser, { take: 100 })).items).toEqual([]);
  });
});
