import { beforeAll, describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { createCampaign } from "@/lib/domain/campaigns/create-campaign";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";
import { getCampaignBoard } from "@/lib/domain/campaigns/get-campaign-board";
import { getCampaignTransitions } from "@/lib/domain/campaigns/get-campaign-transitions";
import { listCampaigns } from "@/lib/domain/campaigns/list-campaigns";
import { transitionCampaign } from "@/lib/domain/campaigns/transition-campaign";
import { updateCampaign } from "@/lib/domain/campaigns/update-campaign";
import { createApprovalRow, createCampaignRow } from "../setup/campaign-factories";
import { createActor, createAgencyWithClients, expectAppError, uid } from "../setup/factories";

// Campaign use cases against the real database: create (missingInfo, brief revision 1), update (optimistic
// locking, brief revisions superseding pending approvals), list scoping per role, and 404 across agencies.

let agencyId: string;
let director: AuthContext;
let manager: AuthContext;
let otherManager: AuthContext;
let clientUser: AuthContext;
let foreign: AuthContext;
let clientOneId: string;
let clientTwoId: string;

beforeAll(async () => {
  const setup = await createAgencyWithClients("Campaigns");
  agencyId = setup.agency.id;
  director = setup.director.ctx;
  manager = setup.manager.ctx;
  clientOneId = setup.clientOne.id;
  clientTwoId = setup.clientTwo.id;
  otherManager = (await createActor(agencyId, { role: "CM" })).ctx;
  clientUser = (await createActor(agencyId, { role: "CLIENT", scopeType: "CLIENT", scopeId: clientOneId })).ctx;
  const other = await createAgencyWithClients("Campaigns Other");
  foreign = other.manager.ctx;
}, 60_000);

const full = () => ({
  clientId: clientOneId,
  name: `Spring ${uid()}`,
  objective: "Awareness",
  brief: "## Goal\nReach **many** people.",
  platforms: ["INSTAGRAM", "tiktok"],
  startDate: "2026-04-01",
  endDate: "2026-05-31",
  plannedBudget: "25000.50",
  currency: "EUR",
  directorId: director.userId,
});

describe("createCampaign", () => {
  it("creates a DRAFT owned by the caller, with brief revision 1, history and audit", async () => {
    const campaign = await createCampaign(manager, full());
    expect(campaign).toMatchObject({
      status: "DRAFT",
      ownerId: manager.userId,
      briefRevision: 1,
      version: 1,
      missingInfo: [],
      platforms: ["INSTAGRAM", "TIKTOK"],
    });
    expect(String(campaign.plannedBudget)).toBe("25000.5");
    const briefs = await db.campaignBrief.findMany({ where: { campaignId: campaign.id } });
    expect(briefs).toMatchObject([{ revision: 1, content: full().brief, createdById: manager.userId }]);
    expect(await db.campaignStatusChange.count({ where: { campaignId: campaign.id, to: "DRAFT", from: null } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { recordId: campaign.id, action: "campaign.create" } })).toBe(1);
  });

  it("lists what is missing and takes the client's currency by default", async () => {
    const campaign = await createCampaign(manager, { clientId: clientOneId, name: `Bare ${uid()}` });
    expect(campaign.missingInfo).toEqual(["objective", "brief", "dates", "platforms", "plannedBudget", "director"]);
    expect(campaign.currency).toBe("EUR");
    expect(campaign.briefRevision).toBe(0);
    expect(await db.campaignBrief.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it.each([
    [{ name: "" }, "name"],
    [{ clientId: "nope" }, "clientId"],
    [{ plannedBudget: "12.345" }, "plannedBudget"],
    [{ plannedBudget: "-5" }, "plannedBudget"],
    [{ currency: "EURO" }, "currency"],
    [{ platforms: ["MYSPACE"] }, "platforms.0"],
    [{ startDate: "2026-13-01" }, "startDate"],
    [{ startDate: "2026-06-01", endDate: "2026-05-01" }, "endDate"],
  ])("refuses %o naming %s, writing nothing", async (bad, field) => {
    const before = await db.campaign.count({ where: { agencyId } });
    const error = await expectAppError(createCampaign(manager, { ...full(), ...bad }), "VALIDATION_FAILED");
    expect(error.fields?.[field]).toBeTruthy();
    expect(await db.campaign.count({ where: { agencyId } })).toBe(before);
  });

  it("refuses a client of another agency, an owner who is not staff, and a director who is not a director", async () => {
    const foreignClient = await db.client.findFirstOrThrow({ where: { agencyId: foreign.agencyId } });
    expect(
      (await expectAppError(createCampaign(manager, { ...full(), clientId: foreignClient.id }), "VALIDATION_FAILED"))
        .fields,
    ).toHaveProperty("clientId");
    expect(
      (await expectAppError(createCampaign(manager, { ...full(), ownerId: clientUser.userId }), "VALIDATION_FAILED"))
        .fields,
    ).toHaveProperty("ownerId");
    expect(
      (
        await expectAppError(
          createCampaign(manager, { ...full(), directorId: otherManager.userId }),
          "VALIDATION_FAILED",
        )
      ).fields,
    ).toHaveProperty("directorId");
    expect(
      (await expectAppError(createCampaign(manager, { ...full(), ownerId: foreign.userId }), "VALIDATION_FAILED"))
        .fields,
    ).toHaveProperty("ownerId");
  });

  it("is refused to a client user", async () => {
    await expectAppError(createCampaign(clientUser, full()), "FORBIDDEN");
  });
});

describe("updateCampaign", () => {
  it("refuses a stale save with 409 naming who saved first", async () => {
    const campaign = await createCampaign(manager, full());
    const first = await updateCampaign(director, campaign.id, { version: 1, objective: "Sales" });
    expect(first.version).toBe(2);
    const error = await expectAppError(
      updateCampaign(manager, campaign.id, { version: 1, objective: "Reach" }),
      "STALE_VERSION",
    );
    expect(error.message).toContain(director.email);
    expect(error.message).toMatch(/Reload/);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).objective).toBe("Sales");
  });

  it("a changed brief makes a new revision and supersedes the pending brief approval", async () => {
    const campaign = await createCampaign(manager, full());
    const pending = await createApprovalRow(agencyId, campaign.id, { type: "BRIEF", subjectVersion: 1 });
    const same = await updateCampaign(manager, campaign.id, { version: 1, brief: full().brief });
    expect(same.briefRevision).toBe(1);
    const changed = await updateCampaign(manager, campaign.id, { version: 2, brief: "A new brief" });
    expect(changed).toMatchObject({ briefRevision: 2, brief: "A new brief", version: 3 });
    expect(
      (await db.campaignBrief.findMany({ where: { campaignId: campaign.id }, orderBy: { revision: "asc" } })).map(
        (b) => b.revision,
      ),
    ).toEqual([1, 2]);
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("SUPERSEDED");
    expect(await db.auditLog.count({ where: { recordId: pending.id, action: "approval.supersede" } })).toBe(1);
  });

  it("recomputes missingInfo and refuses unknown fields", async () => {
    const campaign = await createCampaign(manager, full());
    const after = await updateCampaign(manager, campaign.id, { version: 1, objective: "", directorId: null });
    expect(after.missingInfo).toEqual(["objective", "director"]);
    await expectAppError(
      updateCampaign(manager, campaign.id, { version: 2, clientId: clientTwoId }),
      "VALIDATION_FAILED",
    );
    await expectAppError(updateCampaign(manager, campaign.id, { objective: "no version" }), "VALIDATION_FAILED");
  });

  it("is not found for another agency, for a colleague's campaign, and for a client user", async () => {
    const campaign = await createCampaign(manager, full());
    await expectAppError(updateCampaign(foreign, campaign.id, { version: 1, objective: "x" }), "NOT_FOUND");
    await expectAppError(updateCampaign(otherManager, campaign.id, { version: 1, objective: "x" }), "NOT_FOUND");
    await expectAppError(updateCampaign(clientUser, campaign.id, { version: 1, objective: "x" }), "FORBIDDEN");
  });
});

describe("scoping of list, get, board and transitions", () => {
  let own: string;
  let directed: string;
  let colleagues: string;
  let clientTwos: string;
  const tag = uid();

  beforeAll(async () => {
    own = (
      await createCampaignRow(agencyId, { clientId: clientOneId, ownerId: manager.userId, name: `Scope own ${tag}` })
    ).id;
    directed = (
      await createCampaignRow(agencyId, {
        clientId: clientOneId,
        ownerId: otherManager.userId,
        directorId: manager.userId,
        name: `Scope directed ${tag}`,
      })
    ).id;
    colleagues = (
      await createCampaignRow(agencyId, {
        clientId: clientOneId,
        ownerId: otherManager.userId,
        name: `Scope colleague ${tag}`,
      })
    ).id;
    clientTwos = (
      await createCampaignRow(agencyId, {
        clientId: clientTwoId,
        ownerId: otherManager.userId,
        name: `Scope two ${tag}`,
        status: "SOURCING",
      })
    ).id;
  });

  const ids = async (ctx: AuthContext, extra: object = {}) =>
    (await listCampaigns(ctx, { q: `Scope`, take: 100, ...extra })).items
      .filter((c) => c.name.endsWith(tag))
      .map((c) => c.id)
      .sort();

  it("a CM sees campaigns they own or direct; a DIR sees all; a client user sees their client's", async () => {
    expect(await ids(manager)).toEqual([own, directed].sort());
    expect(await ids(director)).toEqual([own, directed, colleagues, clientTwos].sort());
    expect(await ids(clientUser)).toEqual([own, directed, colleagues].sort());
    expect(await ids(foreign)).toEqual([]);
  });

  it("filters by client, owner, status and sorts", async () => {
    expect(await ids(director, { clientId: clientTwoId })).toEqual([clientTwos]);
    expect(await ids(director, { ownerId: manager.userId })).toEqual([own]);
    expect(await ids(director, { status: ["SOURCING", "LIVE"] })).toEqual([clientTwos]);
    expect(await ids(director, { status: "DRAFT,SOURCING" })).toHaveLength(4);
    const sorted = (await listCampaigns(director, { q: tag, sort: "name", dir: "asc" })).items.map((c) => c.name);
    expect(sorted).toEqual([...sorted].sort());
    await expectAppError(listCampaigns(director, { status: "PAUSED" }), "VALIDATION_FAILED");
  });

  it("get, transitions and board follow the same scope; other agencies get 404", async () => {
    expect((await getCampaign(manager, own)).id).toBe(own);
    await expectAppError(getCampaign(manager, colleagues), "NOT_FOUND");
    await expectAppError(getCampaign(clientUser, clientTwos), "NOT_FOUND");
    const seen = await getCampaign(clientUser, own);
    expect(seen.missingInfo).toEqual([]);
    expect(seen.owner.email).toBeNull();
    for (const id of [own, directed, colleagues, clientTwos]) {
      await expectAppError(getCampaign(foreign, id), "NOT_FOUND");
      await expectAppError(getCampaignTransitions(foreign, id), "NOT_FOUND");
      await expectAppError(updateCampaign(foreign, id, { version: 1, name: "x" }), "NOT_FOUND");
      await expectAppError(transitionCampaign(foreign, id, { to: "ON_HOLD" }), "NOT_FOUND");
    }
    await expectAppError(getCampaign(manager, "not-a-uuid"), "NOT_FOUND");
    const board = await getCampaignBoard(manager, { q: tag });
    const planning = board.columns.find((c) => c.key === "planning")!;
    expect(planning.cards.map((c) => c.id).sort()).toEqual([own, directed].sort());
    expect(board.columns).toHaveLength(7);
    const all = await getCampaignBoard(director, { q: tag, perColumn: 1 });
    expect(all.columns.find((c) => c.key === "planning")).toMatchObject({ total: 4 });
    expect(all.columns.find((c) => c.key === "planning")!.cards).toHaveLength(1);
  });
});
