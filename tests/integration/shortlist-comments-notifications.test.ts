import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { commentOnApproval } from "@/lib/domain/approvals/comment-on-approval";
import { getApproval } from "@/lib/domain/approvals/get-approval";
import { requestApproval } from "@/lib/domain/approvals/request-approval";
import { listNotifications } from "@/lib/domain/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/domain/notifications/mark-notifications-read";
import { addToShortlist } from "@/lib/domain/shortlist/add-to-shortlist";
import { listShortlist } from "@/lib/domain/shortlist/list-shortlist";
import { removeFromShortlist } from "@/lib/domain/shortlist/remove-from-shortlist";
import { updateShortlistEntry } from "@/lib/domain/shortlist/update-shortlist-entry";
import { expectAppError } from "../setup/factories";
import { createApprovalWorld, createCampaignRow, createInfluencerRow } from "../setup/approval-fixtures";

// The shortlist (fees from the rate card, revisions, scoping), comment threads (internal comments hidden from
// clients) and the notifications they send.

let w: Awaited<ReturnType<typeof createApprovalWorld>>;
beforeAll(async () => {
  w = await createApprovalWorld("Threads");
});
const newCampaign = (status: "DRAFT" | "SOURCING" = "SOURCING") =>
  createCampaignRow(w.agency.id, { clientId: w.clientOne.id, ownerId: w.owner.user.id, status });

describe("shortlist", () => {
  it("adds with the rate card's fee (or the given one), bumps the revision, refuses duplicates", async () => {
    const campaign = await newCampaign();
    const influencer = await createInfluencerRow(w.agency.id, { fee: "1200.00" });
    const line = await addToShortlist(w.owner.ctx, campaign.id, { influencerId: influencer.id });
    expect(line).toMatchObject({ status: "SHORTLISTED", currency: "EUR", deliverableType: "INSTAGRAM_POST" });
    expect(line.proposedFee?.toFixed(2)).toBe("1200.00");
    const other = await createInfluencerRow(w.agency.id);
    expect(
      (
        await addToShortlist(w.owner.ctx, campaign.id, { influencerId: other.id, proposedFee: "450,50" })
      ).proposedFee?.toFixed(2),
    ).toBe("450.50");
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).shortlistRevision).toBe(2);
    await expectAppError(addToShortlist(w.owner.ctx, campaign.id, { influencerId: influencer.id }), "CONFLICT");
    expect(
      await db.auditLog.count({ where: { agencyId: w.agency.id, action: "shortlist.add", parentId: campaign.id } }),
    ).toBe(2);
  });

  it("changes a fee and removes an entry, each a new revision; bad fees name the field", async () => {
    const campaign = await newCampaign();
    const line = await addToShortlist(w.owner.ctx, campaign.id, {
      influencerId: (await createInfluencerRow(w.agency.id, { fee: "100" })).id,
    });
    expect(
      (
        await expectAppError(
          updateShortlistEntry(w.owner.ctx, campaign.id, line.id, { proposedFee: "12.345" }),
          "VALIDATION_FAILED",
        )
      ).fields,
    ).toHaveProperty("proposedFee");
    expect(
      (await expectAppError(updateShortlistEntry(w.owner.ctx, campaign.id, line.id, {}), "VALIDATION_FAILED")).fields,
    ).toHaveProperty("proposedFee");
    expect(
      (await updateShortlistEntry(w.owner.ctx, campaign.id, line.id, { proposedFee: "150" })).proposedFee?.toFixed(2),
    ).toBe("150.00");
    await removeFromShortlist(w.owner.ctx, campaign.id, line.id);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).shortlistRevision).toBe(3);
    await expectAppError(removeFromShortlist(w.owner.ctx, campaign.id, line.id), "NOT_FOUND");
  });

  it("is scoped by campaign and agency: other managers, clients and agencies are refused", async () => {
    const campaign = await newCampaign();
    const influencer = await createInfluencerRow(w.agency.id);
    const foreignInfluencer = await createInfluencerRow(w.other.id);
    await expectAppError(addToShortlist(w.otherManager.ctx, campaign.id, { influencerId: influencer.id }), "NOT_FOUND");
    await expectAppError(addToShortlist(w.foreign.ctx, campaign.id, { influencerId: influencer.id }), "NOT_FOUND");
    await expectAppError(addToShortlist(w.clientUser.ctx, campaign.id, { influencerId: influencer.id }), "FORBIDDEN");
    expect(
      (
        await expectAppError(
          addToShortlist(w.owner.ctx, campaign.id, { influencerId: foreignInfluencer.id }),
          "VALIDATION_FAILED",
        )
      ).fields,
    ).toHaveProperty("influencerId");
    const line = await addToShortlist(w.owner.ctx, campaign.id, { influencerId: influencer.id });
    await expectAppError(updateShortlistEntry(w.foreign.ctx, campaign.id, line.id, { proposedFee: "1" }), "NOT_FOUND");
    await expectAppError(removeFromShortlist(w.otherManager.ctx, campaign.id, line.id), "NOT_FOUND");
    await expectAppError(listShortlist(w.foreign.ctx, campaign.id), "NOT_FOUND");
    await expectAppError(listShortlist(w.clientUserTwo.ctx, campaign.id), "NOT_FOUND");
  });

  it("shows each influencer's pricing history, naming only campaigns the caller sees", async () => {
    const campaign = await newCampaign();
    const influencer = await createInfluencerRow(w.agency.id);
    const hidden = await createCampaignRow(w.agency.id, { clientId: w.clientTwo.id, ownerId: w.otherManager.user.id });
    await db.pricingHistory.createMany({
      data: [
        { agencyId: w.agency.id, influencerId: influencer.id, campaignId: hidden.id, fee: "800", currency: "EUR" },
        { agencyId: w.agency.id, influencerId: influencer.id, campaignId: campaign.id, fee: "900", currency: "EUR" },
      ],
    });
    await addToShortlist(w.owner.ctx, campaign.id, { influencerId: influencer.id });
    const { lines } = await listShortlist(w.owner.ctx, campaign.id);
    expect(lines[0].pricingHistory.map((h) => [h.fee, h.campaignName]).sort()).toEqual([
      ["800.00", null],
      ["900.00", campaign.name],
    ]);
    expect(lines[0].pricingHistory.find((h) => h.fee === "800.00")!.campaignId).toBeNull();
    expect(lines[0].pricingHistory.every((h) => h.agreedAt instanceof Date)).toBe(true);
  });

  it("lists each line with its influencer's accounts (most followed first), rate cards and typed fields", async () => {
    const campaign = await newCampaign();
    const influencer = await createInfluencerRow(w.agency.id, { fee: "450.5" });
    await db.socialAccount.create({
      data: {
        agencyId: w.agency.id,
        influencerId: influencer.id,
        platform: "TIKTOK",
        handle: `tt_${influencer.id.slice(0, 8)}`,
        followers: 90_000,
      },
    });
    const line = await addToShortlist(w.owner.ctx, campaign.id, { influencerId: influencer.id });
    const second = await addToShortlist(w.owner.ctx, campaign.id, {
      influencerId: (await createInfluencerRow(w.agency.id)).id,
    });
    const { campaign: head, lines } = await listShortlist(w.owner.ctx, campaign.id);
    expect(head).toMatchObject({ id: campaign.id, name: campaign.name, currency: campaign.currency });
    expect(lines.map((l) => l.id)).toEqual([line.id, second.id]);
    const [first] = lines;
    expect(first).toMatchObject({ campaignId: campaign.id, influencerId: influencer.id, status: "SHORTLISTED" });
    expect(first.createdAt).toBeInstanceOf(Date);
    expect(first.proposedFee?.toFixed(2)).toBe(line.proposedFee?.toFixed(2));
    expect(first.influencer.socialAccounts.map((s) => [s.platform, s.followers])).toEqual([
      ["TIKTOK", 90_000],
      ["INSTAGRAM", 10_000],
    ]);
    expect(
      first.influencer.rateCards.map((r) => [r.platform, r.deliverableType, r.fee.toFixed(2), r.currency]),
    ).toEqual([["INSTAGRAM", "INSTAGRAM_POST", "450.50", "EUR"]]);
    expect(lines[1].influencer.rateCards).toEqual([]);
    expect(lines[1].pricingHistory).toEqual([]);
  });
});

describe("comment threads", () => {
  it("hides internal comments from client users, marks client comments, refuses internal from a client", async () => {
    const campaign = await newCampaign("DRAFT");
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    await commentOnApproval(w.owner.ctx, item.id, { body: "Agency only: margin is thin", internal: true });
    await commentOnApproval(w.owner.ctx, item.id, { body: "See section 2", anchor: { seconds: 12 } });
    await commentOnApproval(w.clientUser.ctx, item.id, { body: "Looks good" });
    expect(
      (
        await expectAppError(
          commentOnApproval(w.clientUser.ctx, item.id, { body: "x", internal: true }),
          "VALIDATION_FAILED",
        )
      ).fields,
    ).toHaveProperty("internal");
    expect(
      (await expectAppError(commentOnApproval(w.clientUser.ctx, item.id, { body: "  " }), "VALIDATION_FAILED")).fields,
    ).toHaveProperty("body");
    expect(
      (
        await expectAppError(
          commentOnApproval(w.owner.ctx, item.id, { body: "x", anchor: { x: 2, y: 0, w: 0, h: 0 } }),
          "VALIDATION_FAILED",
        )
      ).fields,
    ).toHaveProperty(["anchor.x"]);
    const forClient = await getApproval(w.clientUser.ctx, item.id);
    expect(forClient.comments.map((c) => c.body)).toEqual(["See section 2", "Looks good"]);
    const forStaff = await getApproval(w.owner.ctx, item.id);
    expect(forStaff.comments.map((c) => [c.body, c.internal, c.author.isClient])).toEqual([
      ["Agency only: margin is thin", true, false],
      ["See section 2", false, false],
      ["Looks good", false, true],
    ]);
    await expectAppError(commentOnApproval(w.clientUserTwo.ctx, item.id, { body: "Hi" }), "NOT_FOUND");
    await expectAppError(commentOnApproval(w.foreign.ctx, item.id, { body: "Hi" }), "NOT_FOUND");
  });

  it("notifies the other participants; internal comments never reach client users", async () => {
    const campaign = await newCampaign("DRAFT");
    const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    const commented = { type: "approval.commented", link: { contains: item.id } } as const;
    await commentOnApproval(w.director.ctx, item.id, { body: "Internal note", internal: true });
    expect((await db.notification.findMany({ where: commented })).map((n) => n.userId)).toEqual([w.owner.user.id]);
    await commentOnApproval(w.owner.ctx, item.id, { body: "Public note" });
    const afterPublic = await db.notification.findMany({ where: { ...commented, body: "Public note" } });
    expect(afterPublic.map((n) => n.userId).sort()).toEqual([w.director.user.id, w.clientUser.user.id].sort());
    await commentOnApproval(w.clientUser.ctx, item.id, { body: "Client reply" });
    const afterClient = await db.notification.findMany({ where: { ...commented, body: "Client reply" } });
    expect(afterClient.map((n) => n.userId).sort()).toEqual([w.director.user.id, w.owner.user.id].sort());
    expect(
      await db.emailMessage.count({ where: { to: w.clientUser.user.email, text: { contains: "Internal note" } } }),
    ).toBe(0);
    expect(await db.emailMessage.count({ where: { to: w.owner.user.email, text: { contains: "Client reply" } } })).toBe(
      1,
    );
  });
});

describe("notifications", () => {
  it("lists the caller's own, counts unread, marks some or all read; never another user's", async () => {
    const campaign = await newCampaign("DRAFT");
    await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
    const mine = await listNotifications(w.clientUser.ctx, {});
    expect(mine.unread).toBeGreaterThan(0);
    expect(mine.items[0].link).toMatch(/^\/client\/approvals\//);
    expect(await markNotificationsRead(w.owner.ctx, { ids: [mine.items[0].id] })).toEqual({ updated: 0 });
    expect(await markNotificationsRead(w.clientUser.ctx, { ids: [mine.items[0].id] })).toEqual({ updated: 1 });
    expect((await listNotifications(w.clientUser.ctx, {})).unread).toBe(mine.unread - 1);
    await markNotificationsRead(w.clientUser.ctx, { all: true });
    expect((await listNotifications(w.clientUser.ctx, { unread: "true" })).total).toBe(0);
    expect(
      (await expectAppError(markNotificationsRead(w.clientUser.ctx, { ids: ["x"] }), "VALIDATION_FAILED")).fields,
    ).toBeDefined();
    await expectAppError(markNotificationsRead(w.clientUser.ctx, {}), "VALIDATION_FAILED");
    expect((await listNotifications(w.foreign.ctx, {})).total).toBe(0);
  });
});
