import { beforeAll, describe, expect, it } from "vitest";
import { loadUserContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { createFinancialObject } from "@/lib/domain/finance/create-financial-object";
import { submitFinancialObject } from "@/lib/domain/finance/submit-financial-object";
import { FINANCE_QUEUE_COUNT_CAP, listFinanceQueue } from "@/lib/domain/finance/list-finance-queue";
import { getCampaignFinanceSummary } from "@/lib/domain/finance/get-campaign-finance-summary";
import { getFilterChoices } from "@/lib/domain/finance/get-filter-choices";
import { expectAppError } from "../setup/factories";
import { createFinanceWorld, line } from "../setup/finance-fixtures";

// The finance hot reads as one statement each. The queue: every field of an item as the domain reads it, the
// merge of the ways of being addressed (by id and by role) oldest first, and the total counted exactly up to a
// cap ("1,000+"). The campaign summary: the campaign's scope checked in the same statement.

let w: Awaited<ReturnType<typeof createFinanceWorld>>;
beforeAll(async () => {
  w = await createFinanceWorld("FinQueue");
});

async function submitted(campaignId: string, title: string, amount: string, actor = w.cm.ctx) {
  const o = await createFinancialObject(actor, { campaignId, type: "EXPENSE", title, lines: [line(amount)] });
  await submitFinancialObject(actor, o.id);
  return o;
}

describe("finance queue", () => {
  it("each item carries the approval, the object's current revision, campaign and client names, and whether it is the caller's own", async () => {
    const c = await w.campaign({ status: "SOURCING", clientId: w.clientTwo.id });
    const mine = await submitted(c.id, "Made by FIN", "12.50", w.fin.ctx);
    const due = new Date("2030-01-02T03:04:05.678Z");
    await db.approvalItem.updateMany({ where: { subjectId: mine.id, status: "PENDING" }, data: { dueAt: due } });
    const { items } = await listFinanceQueue(w.fin.ctx, { campaignId: c.id });
    const approval = await db.approvalItem.findFirstOrThrow({ where: { subjectId: mine.id, status: "PENDING" } });
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: c.id } });
    expect(items).toEqual([
      {
        approvalId: approval.id,
        step: 1,
        approverRole: "FIN",
        requestedAt: approval.createdAt.toISOString(),
        dueAt: due.toISOString(),
        ageDays: 0,
        objectId: mine.id,
        type: "EXPENSE",
        status: "SUBMITTED",
        title: "Made by FIN",
        revision: 1,
        currency: "EUR",
        total: "12.50",
        campaignId: c.id,
        campaignName: campaign.name,
        clientId: w.clientTwo.id,
        clientName: w.clientTwo.name,
        own: true,
      },
    ]);
    // Someone else's item is not "own"; an item 3 days old counts 3 whole days; no due date is null.
    const other = await submitted(c.id, "Made by CM", "7.00");
    await db.approvalItem.updateMany({
      where: { subjectId: other.id, status: "PENDING" },
      data: { createdAt: new Date(Date.now() - 3 * 86400_000 - 60_000), dueAt: null },
    });
    const again = await listFinanceQueue(w.fin.ctx, { campaignId: c.id });
    expect(again.items.map((i) => [i.title, i.own, i.ageDays, i.dueAt])).toEqual([
      ["Made by CM", false, 3, null],
      ["Made by FIN", true, 0, due.toISOString()],
    ]);
    expect(again).toMatchObject({ total: 2, totalCapped: false });
    // Another agency's finance user sees none of it.
    expect(await listFinanceQueue(w.foreignFin.ctx, { campaignId: c.id })).toEqual({
      total: 0,
      totalCapped: false,
      items: [],
      nextCursor: null,
    });
  });

  it("merges items addressed to the caller by id and by role, oldest first, and counts both ways", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const a = await submitted(c.id, "A", "10.00");
    const b = await submitted(c.id, "B", "20.00");
    const d = await submitted(c.id, "C", "30.00");
    const base = Date.now() - 10 * 60_000;
    const at = (o: { id: string }, minutes: number, extra: object = {}) =>
      db.approvalItem.updateMany({
        where: { subjectId: o.id, status: "PENDING" },
        data: { createdAt: new Date(base + minutes * 60_000), ...extra },
      });
    // B is addressed to the first FIN user by id (not to the role): only that user sees it.
    await at(a, 3);
    await at(b, 1, { approverUserId: w.fin.user.id, approverRole: null, approverScopeType: null });
    await at(d, 2);
    const fin = await listFinanceQueue(w.fin.ctx, { campaignId: c.id });
    expect(fin.items.map((i) => i.title)).toEqual(["B", "C", "A"]);
    expect(fin.total).toBe(3);
    const fin2 = await listFinanceQueue(w.fin2.ctx, { campaignId: c.id });
    expect(fin2.items.map((i) => i.title)).toEqual(["C", "A"]);
    // The page is cut to `take` after the merge; the total still counts all of them.
    expect(await listFinanceQueue(w.fin.ctx, { campaignId: c.id, take: 2 })).toMatchObject({
      total: 3,
      totalCapped: false,
      items: [{ title: "B" }, { title: "C" }],
    });
    // Without object filters (the walk that does not join the objects) the same items come first.
    const unfiltered = await listFinanceQueue(w.fin.ctx, { take: 200 });
    expect(unfiltered.items.filter((i) => i.campaignId === c.id).map((i) => i.title)).toEqual(["B", "C", "A"]);
    expect(unfiltered.total).toBe(unfiltered.items.length);
  });

  it("pages by position (after = nextCursor), and a position stays valid when items before it leave the queue", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const made = [];
    for (const n of [1, 2, 3, 4, 5]) made.push(await submitted(c.id, `Paged ${n}`, "7.00"));
    const base = Date.now() - 60 * 60_000;
    for (const [i, o] of made.entries())
      await db.approvalItem.updateMany({
        where: { subjectId: o.id, status: "PENDING" },
        data: { createdAt: new Date(base + i * 60_000) },
      });
    const filter = { campaignId: c.id, take: 2 };
    const first = await listFinanceQueue(w.fin.ctx, filter);
    expect(first.items.map((i) => i.title)).toEqual(["Paged 1", "Paged 2"]);
    expect(first.nextCursor).toBe(`${first.items[1].requestedAt}~${first.items[1].approvalId}`);
    const second = await listFinanceQueue(w.fin.ctx, { ...filter, after: first.nextCursor! });
    expect(second.items.map((i) => i.title)).toEqual(["Paged 3", "Paged 4"]);
    expect(second.total).toBe(5);
    // The first two are decided elsewhere: the position still leads to the same next items.
    await db.approvalItem.updateMany({
      where: { subjectId: { in: [made[0].id, made[1].id] }, status: "PENDING" },
      data: { status: "APPROVED", decidedAt: new Date() },
    });
    const again = await listFinanceQueue(w.fin.ctx, { ...filter, after: first.nextCursor! });
    expect(again.items.map((i) => i.title)).toEqual(["Paged 3", "Paged 4"]);
    const last = await listFinanceQueue(w.fin.ctx, { ...filter, after: again.nextCursor! });
    expect(last).toMatchObject({ nextCursor: null, items: [{ title: "Paged 5" }] });
    // A position that is not one names the field.
    await expectAppError(listFinanceQueue(w.fin.ctx, { ...filter, after: "page-2" }), "VALIDATION_FAILED");
  });

  it("counts exactly up to the cap, then says 'more than the cap' (total = cap, totalCapped) while the page stays whole", async () => {
    expect(FINANCE_QUEUE_COUNT_CAP).toBe(1000);
    const c = await w.campaign({ status: "SOURCING" });
    for (const n of [1, 2, 3, 4]) await submitted(c.id, `Item ${n}`, "5.00");
    const filter = { campaignId: c.id };
    expect(await listFinanceQueue(w.fin.ctx, filter, 5)).toMatchObject({ total: 4, totalCapped: false });
    expect(await listFinanceQueue(w.fin.ctx, filter, 4)).toMatchObject({ total: 4, totalCapped: false });
    const capped = await listFinanceQueue(w.fin.ctx, filter, 3);
    expect(capped).toMatchObject({ total: 3, totalCapped: true });
    expect(capped.items).toHaveLength(4);
    expect(await listFinanceQueue(w.fin.ctx, { ...filter, take: 2 }, 1)).toMatchObject({
      total: 1,
      totalCapped: true,
      items: [{}, {}],
    });
    // The same without object filters (the count on the index alone), across the whole agency.
    const all = await listFinanceQueue(w.fin.ctx, { take: 200 });
    expect(all.totalCapped).toBe(false);
    expect(await listFinanceQueue(w.fin.ctx, {}, all.total - 1)).toMatchObject({
      total: all.total - 1,
      totalCapped: true,
    });
    expect(await listFinanceQueue(w.fin.ctx, {}, all.total)).toMatchObject({ total: all.total, totalCapped: false });
    // Nothing waiting: zero, not capped, no items.
    expect(await listFinanceQueue(w.cm.ctx, {}, 0)).toEqual({
      total: 0,
      totalCapped: false,
      items: [],
      nextCursor: null,
    });
  });

  it("filters by several types as one list and by currency", async () => {
    const c = await w.campaign({ status: "SOURCING" });
    const expense = await submitted(c.id, "Expense", "5.00");
    const po = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "PURCHASE_ORDER",
      title: "PO",
      currency: "usd",
      lines: [line("9.00")],
    });
    await submitFinancialObject(w.cm.ctx, po.id);
    const both = await listFinanceQueue(w.fin.ctx, { campaignId: c.id, type: "EXPENSE,PURCHASE_ORDER" });
    expect(both.items.map((i) => i.objectId).sort()).toEqual([expense.id, po.id].sort());
    expect(both.total).toBe(2);
    expect(
      (await listFinanceQueue(w.fin.ctx, { campaignId: c.id, currency: "USD" })).items.map((i) => [
        i.objectId,
        i.currency,
      ]),
    ).toEqual([[po.id, "USD"]]);
  });
});

describe("campaign finance summary", () => {
  it("checks the campaign's scope in the same statement: a manager sees their own campaigns only; a campaign without figures has none", async () => {
    const c = await w.campaign({ status: "SOURCING", withInfluencer: false });
    expect(await getCampaignFinanceSummary(w.cm.ctx, c.id)).toEqual({ campaignId: c.id, currencies: [] });
    expect(await getCampaignFinanceSummary(w.fin.ctx, c.id)).toEqual({ campaignId: c.id, currencies: [] });
    await expectAppError(getCampaignFinanceSummary(w.cm2.ctx, c.id), "NOT_FOUND");
    await expectAppError(getCampaignFinanceSummary(w.foreignCm.ctx, c.id), "NOT_FOUND");
    await expectAppError(getCampaignFinanceSummary(w.fin.ctx, "00000000-0000-4000-8000-000000000000"), "NOT_FOUND");
    await expectAppError(getCampaignFinanceSummary(w.fin.ctx, "nope"), "NOT_FOUND");
    const o = await createFinancialObject(w.cm.ctx, {
      campaignId: c.id,
      type: "QUOTE",
      title: "Q",
      lines: [line("80.00")],
    });
    await db.financialObject.update({ where: { id: o.id }, data: { status: "APPROVED" } });
    const summary = await getCampaignFinanceSummary(w.cm.ctx, c.id);
    expect(summary.currencies).toEqual([
      {
        currency: "EUR",
        lines: [],
        total: {
          budget: "0.00",
          committed: "0.00",
          invoiced: "0.00",
          paid: "0.00",
          budgetPending: "0.00",
          overrun: false,
        },
        client: { quoted: "80.00", invoiced: "0.00", received: "0.00", outstanding: "0.00" },
      },
    ]);
    // A manager put on a colleague's campaign (a campaign-scoped grant) sees it too.
    await db.roleAssignment.create({
      data: { agencyId: w.agency.id, userId: w.cm2.user.id, role: "CM", scopeType: "CAMPAIGN", scopeId: c.id },
    });
    const cm2 = (await loadUserContext(w.cm2.user.id))!;
    expect((await getCampaignFinanceSummary(cm2, c.id)).currencies).toHaveLength(1);
  });
});

describe("the finance lists' filter choices", () => {
  it("names the campaign and client filtered by, within the caller's scope: another agency's or a malformed id has no name", async () => {
    const c = await w.campaign({ status: "SOURCING", clientId: w.clientTwo.id, withInfluencer: false });
    const campaign = await db.campaign.findUniqueOrThrow({ where: { id: c.id } });
    expect(await getFilterChoices(w.fin.ctx, { campaignId: c.id, clientId: w.clientTwo.id })).toEqual({
      campaign: { id: c.id, name: campaign.name },
      client: { id: w.clientTwo.id, name: w.clientTwo.name },
    });
    expect(await getFilterChoices(w.fin.ctx, {})).toEqual({ campaign: null, client: null });
    expect(await getFilterChoices(w.foreignFin.ctx, { campaignId: c.id, clientId: w.clientTwo.id })).toEqual({
      campaign: null,
      client: null,
    });
    expect(await getFilterChoices(w.fin.ctx, { campaignId: "nope", clientId: "" })).toEqual({
      campaign: null,
      client: null,
    });
    // A manager sees the names of their own campaigns only.
    expect((await getFilterChoices(w.cm2.ctx, { campaignId: c.id })).campaign).toBeNull();
  });
});
