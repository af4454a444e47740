import { beforeAll, describe, expect, it } from "vitest";
import { scopeOf } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { addressedToCaller } from "@/lib/domain/approvals/scope";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { getCampaignContentBoard, listCampaignTasks } from "@/lib/domain/content/list-campaign-tasks";
import { listCreatorTasks } from "@/lib/domain/content/list-creator-tasks";
import { loadCreatorHome, loadCreatorTasks } from "@/lib/domain/content/load-creator-tasks";
import { reviewArtifact } from "@/lib/domain/content/review-artifact";
import { taskScope } from "@/lib/domain/content/scope";
import { campaignScopeSql } from "@/lib/domain/campaigns/scope";
import { taskScopeSql } from "@/lib/domain/content/scope";
import { addressedToCallerSql } from "@/lib/domain/approvals/scope";
import { sendArtifactToClient } from "@/lib/domain/content/send-to-client";
import { uploadArtifact } from "@/lib/domain/content/upload-artifact";
import { contextFor, createActor, expectAppError } from "../setup/factories";
import { createCampaignRow } from "../setup/campaign-factories";
import { acceptedTask, createContentWorld, setTempDataDir, type ContentWorld } from "../setup/content-fixtures";

// The content lists run as one hand-written statement each (lib/db/sql.ts): their scopes as SQL must select
// exactly what the Prisma scopes select, and what the old per-row code computed in JS (the stage that makes a
// type approved, the pending stage, cursor pages) must come out the same.

setTempDataDir("content-lists-it");
let w: ContentWorld;

beforeAll(async () => {
  w = await createContentWorld("ContentLists");
});

const sorted = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("content scopes as SQL", () => {
  it("select the same tasks, campaigns and addressed approvals as the Prisma scopes, for every kind of caller", async () => {
    const sentTask = await acceptedTask(w);
    const v1 = await uploadArtifact(w.creatorOne.ctx, sentTask.id, {
      artifactType: "SCRIPT",
      text: "Sent to the client",
    });
    await reviewArtifact(w.owner.ctx, v1.id, { decision: "APPROVED" });
    await sendArtifactToClient(w.owner.ctx, v1.id);
    const internalTask = await acceptedTask(w);
    await uploadArtifact(w.creatorOne.ctx, internalTask.id, { artifactType: "SCRIPT", text: "Internal only" });
    const otherCreatorTask = await acceptedTask(w, { who: "two" });
    // A campaign of the other client owned by the other manager, and a manager put on the content campaign only.
    await createCampaignRow(w.agency.id, {
      clientId: w.clientTwo.id,
      ownerId: w.otherManager.user.id,
      status: "IN_PRODUCTION",
    });
    const campaignManager = await createActor(w.agency.id, {
      role: "CM",
      scopeType: "CAMPAIGN",
      scopeId: w.campaign.id,
    });
    // An agency-wide manager also put on a colleague's campaign (the campaign grant adds to the agency-wide one).
    const helper = await createActor(w.agency.id, { role: "CM" });
    await db.roleAssignment.create({
      data: {
        agencyId: w.agency.id,
        userId: helper.user.id,
        role: "CM",
        scopeType: "CAMPAIGN",
        scopeId: w.campaign.id,
      },
    });
    const helping = { user: helper.user, ctx: await contextFor(helper.user.id) };

    const callers = {
      director: w.director,
      owner: w.owner,
      otherManager: w.otherManager,
      campaignManager,
      helping,
      creatorOne: w.creatorOne,
      creatorTwo: w.creatorTwo,
      clientUser: w.clientUser,
      clientUserTwo: w.clientUserTwo,
      foreign: w.foreign,
    };
    const seen: Record<string, string[]> = {};
    for (const [name, caller] of Object.entries(callers)) {
      const ctx = caller.ctx;
      const prismaTasks = await db.contentTask.findMany({ where: await taskScope(ctx), select: { id: true } });
      const sqlTasks = await queryRows<{ id: string }>(
        Prisma.sql`SELECT t.id FROM "ContentTask" t WHERE ${taskScopeSql(ctx, Prisma.sql`t`)}`,
      );
      expect(sorted(sqlTasks), `tasks of ${name}`).toEqual(sorted(prismaTasks));
      seen[name] = sorted(sqlTasks);
      for (const permission of ["campaign.read", "content.read"] as const) {
        if (!scopeOf(ctx, permission)) continue;
        const prismaCampaigns = await db.campaign.findMany({
          where: campaignScope(ctx, permission),
          select: { id: true },
        });
        const sqlCampaigns = await queryRows<{ id: string }>(
          Prisma.sql`SELECT c.id FROM "Campaign" c WHERE ${campaignScopeSql(ctx, permission, "c")}`,
        );
        expect(sorted(sqlCampaigns), `${permission} campaigns of ${name}`).toEqual(sorted(prismaCampaigns));
      }
      const prismaApprovals = await db.approvalItem.findMany({ where: addressedToCaller(ctx), select: { id: true } });
      const sqlApprovals = await queryRows<{ id: string }>(
        Prisma.sql`SELECT a.id FROM "ApprovalItem" a WHERE ${addressedToCallerSql(ctx, Prisma.sql`a`)}`,
      );
      expect(sorted(sqlApprovals), `approvals addressed to ${name}`).toEqual(sorted(prismaApprovals));
    }
    // The comparison is not between two empty sets.
    expect(seen.director).toEqual(expect.arrayContaining([sentTask.id, internalTask.id, otherCreatorTask.id]));
    expect(seen.clientUser).toContain(sentTask.id);
    expect(seen.clientUser).not.toContain(internalTask.id);
    expect(seen.creatorTwo).toContain(otherCreatorTask.id);
    expect(seen.creatorTwo).not.toContain(sentTask.id);
    expect(seen.helping).toEqual(expect.arrayContaining([sentTask.id, otherCreatorTask.id]));
    expect(seen.otherManager).not.toContain(sentTask.id);
    expect(seen.clientUserTwo).toEqual([]);
    expect(seen.foreign).toEqual([]);
  });
});

describe("content lists in one statement", () => {
  it("counts a type approved only at the campaign's final stage (the client's) for the next step, and shows the client's pending review", async () => {
    const task = await acceptedTask(w, { required: ["SCRIPT", "DRAFT"] });
    const v1 = await uploadArtifact(w.creatorOne.ctx, task.id, {
      artifactType: "SCRIPT",
      text: "Hook, serum, call to action",
    });
    await reviewArtifact(w.owner.ctx, v1.id, { decision: "APPROVED" });
    const sent = await sendArtifactToClient(w.owner.ctx, v1.id);

    const creatorItem = (await listCreatorTasks(w.creatorOne.ctx)).items.find((t) => t.id === task.id)!;
    expect(creatorItem).toMatchObject({
      status: "IN_REVIEW",
      pendingStage: "CLIENT",
      fee: "900.00",
      currency: "EUR",
      campaign: { id: w.campaign.id, name: w.campaign.name },
    });
    expect(creatorItem.dueAt).toBeInstanceOf(Date);
    expect(creatorItem.latestArtifacts).toEqual([
      { id: v1.id, artifactType: "SCRIPT", version: 1, mimeType: null, createdAt: expect.any(Date) },
    ]);
    const listItem = (await listCampaignTasks(w.owner.ctx, w.campaign.id, { take: 100 })).items.find(
      (t) => t.id === task.id,
    )!;
    expect(listItem).toMatchObject({
      pendingStage: "CLIENT",
      influencer: { id: w.profileOne.id, name: w.profileOne.displayName },
      requiredArtifacts: ["SCRIPT", "DRAFT"],
      version: expect.any(Number),
    });
    expect(listItem.latestArtifacts[0].createdAt).toBeInstanceOf(Date);

    // The client asks for changes: the internal approval does not make the script done (the client approves content).
    await decideApproval(w.clientUser.ctx, sent.id, { decision: "CHANGES_REQUESTED", note: "Shorter" });
    const after = (await listCreatorTasks(w.creatorOne.ctx)).items.find((t) => t.id === task.id)!;
    expect(after).toMatchObject({ status: "CHANGES_REQUESTED", pendingStage: null });
    expect(after.nextStep).toEqual({ text: "Upload a new version of the script", artifactType: "SCRIPT" });
  });

  it("pages by cursor through the same rows in the same order as one page; a cursor outside the scoped list is bad input", async () => {
    for (let i = 0; i < 4; i++) await acceptedTask(w);
    const other = await acceptedTask(w, { who: "two" });

    const all = await listCreatorTasks(w.creatorOne.ctx, { take: 100 });
    expect(all.total).toBe(all.items.length);
    expect(all.nextCursor).toBeNull();
    const paged: string[] = [];
    let page = await listCreatorTasks(w.creatorOne.ctx, { take: 2 });
    expect(page).toMatchObject({ total: all.total, page: 1, pageSize: 2 });
    paged.push(...page.items.map((t) => t.id));
    while (page.nextCursor) {
      page = await listCreatorTasks(w.creatorOne.ctx, { take: 2, cursor: page.nextCursor });
      expect(page).toMatchObject({ total: all.total, page: null });
      paged.push(...page.items.map((t) => t.id));
    }
    expect(paged).toEqual(all.items.map((t) => t.id));
    await expectAppError(listCreatorTasks(w.creatorOne.ctx, { cursor: other.id }), "VALIDATION_FAILED");
    await expectAppError(
      listCreatorTasks(w.creatorOne.ctx, { status: "DECLINED", cursor: all.items[0].id }),
      "VALIDATION_FAILED",
    );

    const list = await listCampaignTasks(w.owner.ctx, w.campaign.id, { take: 100 });
    const pagedList: string[] = [];
    let listPage = await listCampaignTasks(w.owner.ctx, w.campaign.id, { take: 3 });
    pagedList.push(...listPage.items.map((t) => t.id));
    while (listPage.nextCursor) {
      listPage = await listCampaignTasks(w.owner.ctx, w.campaign.id, { take: 3, cursor: listPage.nextCursor });
      expect(listPage.total).toBe(list.total);
      pagedList.push(...listPage.items.map((t) => t.id));
    }
    expect(pagedList).toEqual(list.items.map((t) => t.id));
    expect(pagedList).toContain(other.id);
    // The board holds the same cards in the list's order.
    const board = await getCampaignContentBoard(w.owner.ctx, w.campaign.id);
    expect(board.total).toBe(list.total);
    expect(
      board.columns
        .flatMap((c) => c.cards)
        .map((c) => c.id)
        .sort(),
    ).toEqual([...pagedList].sort());
    expect(board.columns.find((c) => c.status === "ACCEPTED")!.cards.map((c) => c.id)).toEqual(
      list.items.filter((t) => t.status === "ACCEPTED").map((t) => t.id),
    );
  });

  it("shows a client user only the campaign's tasks with content sent to them; other clients and agencies get 404", async () => {
    const sentTask = await acceptedTask(w);
    const v1 = await uploadArtifact(w.creatorOne.ctx, sentTask.id, { artifactType: "SCRIPT", text: "For the client" });
    await reviewArtifact(w.owner.ctx, v1.id, { decision: "APPROVED" });
    await sendArtifactToClient(w.owner.ctx, v1.id);
    const notSent = await acceptedTask(w);

    const clientList = await listCampaignTasks(w.clientUser.ctx, w.campaign.id, { take: 100 });
    const ids = clientList.items.map((t) => t.id);
    expect(ids).toContain(sentTask.id);
    expect(ids).not.toContain(notSent.id);
    expect(clientList.total).toBe(ids.length);
    const prismaIds = await db.contentTask.findMany({
      where: { AND: [await taskScope(w.clientUser.ctx), { campaignId: w.campaign.id }] },
      select: { id: true },
    });
    expect([...ids].sort()).toEqual(sorted(prismaIds));
    expect((await getCampaignContentBoard(w.clientUser.ctx, w.campaign.id)).total).toBe(ids.length);
    await expectAppError(
      listCampaignTasks(w.clientUser.ctx, w.campaign.id, { cursor: notSent.id }),
      "VALIDATION_FAILED",
    );
    await expectAppError(listCampaignTasks(w.clientUserTwo.ctx, w.campaign.id), "NOT_FOUND");
    await expectAppError(getCampaignContentBoard(w.foreign.ctx, w.campaign.id), "NOT_FOUND");
    await expectAppError(listCampaignTasks(w.owner.ctx, "not-a-uuid"), "NOT_FOUND");
    // An influencer has no campaign list here (no campaign.read), as before.
    await expectAppError(listCampaignTasks(w.creatorOne.ctx, w.campaign.id), "FORBIDDEN");
  });
});

describe("the creator's home", () => {
  it("counts offers, work in progress and overdue tasks over all the creator's tasks and shows the first four, offers first", async () => {
    const home = await createContentWorld("CreatorHome");
    const offers = [];
    for (let i = 0; i < 3; i++) offers.push(await acceptedTask(home, { accept: false }));
    const accepted = [];
    for (let i = 0; i < 3; i++) accepted.push(await acceptedTask(home));
    await db.contentTask.update({ where: { id: accepted[0].id }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
    const othersTask = await acceptedTask(home, { who: "two", accept: false });

    const { counts, tasks } = await loadCreatorHome(home.creatorOne.ctx);
    expect(counts).toEqual({ offered: 3, active: 3, overdue: 1 });
    // Offers first, then work in progress, newest first within each: what the full list grouped shows.
    const full = await loadCreatorTasks(home.creatorOne.ctx);
    expect(tasks.map((t) => t.id)).toEqual([...full.offered, ...full.active].slice(0, 4).map((t) => t.id));
    expect(tasks.slice(0, 3).map((t) => t.id)).toEqual(offers.map((t) => t.id).reverse());
    expect(tasks[3].id).toBe(accepted[2].id);
    expect(tasks.map((t) => t.id)).not.toContain(othersTask.id);
    // The counts are the full list's, also beyond the four cards shown.
    expect([full.offered.length, full.active.length, full.active.filter((t) => t.overdue).length]).toEqual([3, 3, 1]);
    await expectAppError(loadCreatorHome(home.owner.ctx), "FORBIDDEN");
  });
});
