import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { escalateOverdueApprovals } from "@/lib/domain/approvals/escalate-overdue-approvals";
import { requestApproval } from "@/lib/domain/approvals/request-approval";
import { cleanupLoginAttempts } from "@/lib/domain/auth/cleanup-login-attempts";
import { createActor, uniqueEmail, uniqueIp } from "../setup/factories";
import { createApprovalWorld, createCampaignRow } from "../setup/approval-fixtures";

// Overdue approvals: reminder to the approvers at the due date, the director two days later, exactly once
// even when two workers run at the same moment; and the clean-up of old sign-in attempts.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let w: Awaited<ReturnType<typeof createApprovalWorld>>;

beforeAll(async () => {
  w = await createApprovalWorld("Escalation");
});

async function pendingBrief(extra: { directorId?: string | null; policy?: object } = {}) {
  const campaign = await createCampaignRow(w.agency.id, {
    clientId: w.clientOne.id,
    ownerId: w.owner.user.id,
    directorId: w.director.user.id,
    ...extra,
  });
  const item = await requestApproval(w.owner.ctx, campaign.id, { type: "BRIEF" });
  return { campaign, item, dueAt: item.dueAt!.getTime() };
}

const escalate = (at: number) => escalateOverdueApprovals({ agencyId: w.agency.id, now: new Date(at) });
const level = async (id: string) => (await db.approvalItem.findUniqueOrThrow({ where: { id } })).escalationLevel;
const notified = async (itemId: string, type: string) =>
  (await db.notification.findMany({ where: { agencyId: w.agency.id, type, link: { contains: itemId } } }))
    .map((n) => n.userId)
    .sort();
const audits = (itemId: string) =>
  db.auditLog.findMany({
    where: { agencyId: w.agency.id, action: "approval.escalate", recordId: itemId },
    orderBy: { createdAt: "asc" },
  });

describe("escalating overdue approvals", () => {
  it("reminds the approvers at the due date (0 → 1), then the campaign's director 2 days later (1 → 2), then stops", async () => {
    const { item, dueAt } = await pendingBrief();
    expect(await escalate(dueAt + HOUR)).toEqual({ reminded: 1, escalated: 0 });
    expect(await level(item.id)).toBe(1);
    expect(await notified(item.id, "approval.reminder")).toEqual([w.clientUser.user.id]);
    expect(
      await db.emailMessage.count({
        where: { to: w.clientUser.user.email, subject: { startsWith: "Reminder:" }, text: { contains: item.id } },
      }),
    ).toBe(1);

    // Not yet two days overdue: nothing more.
    expect(await escalate(dueAt + 2 * DAY - HOUR)).toEqual({ reminded: 0, escalated: 0 });
    expect(await level(item.id)).toBe(1);

    expect(await escalate(dueAt + 2 * DAY + HOUR)).toEqual({ reminded: 0, escalated: 1 });
    expect(await level(item.id)).toBe(2);
    expect(await notified(item.id, "approval.escalated")).toEqual([w.director.user.id]);
    expect(
      await db.emailMessage.count({
        where: { to: w.director.user.email, subject: { startsWith: "Overdue:" }, text: { contains: item.id } },
      }),
    ).toBe(1);
    // Staff links, not the client portal.
    expect(
      (
        await db.notification.findFirstOrThrow({
          where: { type: "approval.escalated", userId: w.director.user.id, link: { contains: item.id } },
        })
      ).link,
    ).toMatch(/^\/agency\/campaigns\//);

    expect(await escalate(dueAt + 5 * DAY)).toEqual({ reminded: 0, escalated: 0 });
    expect(await notified(item.id, "approval.reminder")).toEqual([w.clientUser.user.id]);
    expect(await notified(item.id, "approval.escalated")).toEqual([w.director.user.id]);

    const entries = await audits(item.id);
    expect(entries.map((e) => [e.actorId, e.actorEmail, e.diff])).toEqual([
      [
        null,
        null,
        {
          before: { escalationLevel: 0, notified: null },
          after: { escalationLevel: 1, notified: [w.clientUser.user.id] },
        },
      ],
      [
        null,
        null,
        {
          before: { escalationLevel: 1, notified: null },
          after: { escalationLevel: 2, notified: [w.director.user.id] },
        },
      ],
    ]);
  });

  it("follows the policy's escalation days, and without a campaign director tells every director of the agency", async () => {
    const secondDirector = await createActor(w.agency.id, { role: "DIR" });
    const { item, dueAt } = await pendingBrief({ directorId: null, policy: { approvalEscalationDays: 4 } });
    expect((await escalate(dueAt + HOUR)).reminded).toBe(1);
    expect((await escalate(dueAt + 3 * DAY)).escalated).toBe(0);
    expect((await escalate(dueAt + 4 * DAY + HOUR)).escalated).toBe(1);
    expect(await notified(item.id, "approval.escalated")).toEqual([w.director.user.id, secondDirector.user.id].sort());
    expect(await db.notification.count({ where: { userId: w.foreignDirector.user.id } })).toBe(0);
  });

  it("never escalates twice when two runs happen at once", async () => {
    const { item, dueAt } = await pendingBrief();
    const first = await Promise.all([escalate(dueAt + HOUR), escalate(dueAt + HOUR), escalate(dueAt + HOUR)]);
    expect(first.reduce((sum, r) => sum + r.reminded, 0)).toBe(1);
    const second = await Promise.all([escalate(dueAt + 3 * DAY), escalate(dueAt + 3 * DAY)]);
    expect(second.reduce((sum, r) => sum + r.escalated, 0)).toBe(1);
    expect(await level(item.id)).toBe(2);
    expect(await notified(item.id, "approval.reminder")).toEqual([w.clientUser.user.id]);
    expect(await notified(item.id, "approval.escalated")).toEqual([w.director.user.id]);
    expect(await audits(item.id)).toHaveLength(2);
  });

  it("is idempotent: an item past both steps gets both in one run, and a second run at the same moment does nothing", async () => {
    // E.g. a job retried after its worker died: the retry must not take the next step the first run left out.
    const { item, dueAt } = await pendingBrief();
    const at = dueAt + 3 * DAY;
    expect(await escalate(at)).toEqual({ reminded: 1, escalated: 1 });
    expect(await level(item.id)).toBe(2);
    expect(await escalate(at)).toEqual({ reminded: 0, escalated: 0 });
    expect(await notified(item.id, "approval.reminder")).toEqual([w.clientUser.user.id]);
    expect(await notified(item.id, "approval.escalated")).toEqual([w.director.user.id]);
    expect((await audits(item.id)).map((e) => e.diff)).toEqual([
      {
        before: { escalationLevel: 0, notified: null },
        after: { escalationLevel: 1, notified: [w.clientUser.user.id] },
      },
      { before: { escalationLevel: 1, notified: null }, after: { escalationLevel: 2, notified: [w.director.user.id] } },
    ]);
  });

  it("takes no further item once a run has spent its time budget; the next run goes on", async () => {
    const own = await createApprovalWorld("Escalation budget");
    const campaign = () =>
      createCampaignRow(own.agency.id, {
        clientId: own.clientOne.id,
        ownerId: own.owner.user.id,
        directorId: own.director.user.id,
      });
    const items = [
      await requestApproval(own.owner.ctx, (await campaign()).id, { type: "BRIEF" }),
      await requestApproval(own.owner.ctx, (await campaign()).id, { type: "BRIEF" }),
    ];
    const at = new Date(Math.max(...items.map((i) => i.dueAt!.getTime())) + HOUR);
    expect(await escalateOverdueApprovals({ agencyId: own.agency.id, now: at, budgetMs: 0 })).toEqual({
      reminded: 1,
      escalated: 0,
    });
    expect(await escalateOverdueApprovals({ agencyId: own.agency.id, now: at, budgetMs: 0 })).toEqual({
      reminded: 1,
      escalated: 0,
    });
    expect(await escalateOverdueApprovals({ agencyId: own.agency.id, now: at })).toEqual({ reminded: 0, escalated: 0 });
  });

  it("leaves items not yet due, decided items and expired items alone", async () => {
    const notDue = await pendingBrief();
    const decided = await pendingBrief();
    await decideApproval(w.clientUser.ctx, decided.item.id, { decision: "APPROVED" });
    const expired = await pendingBrief({ policy: { approvalDueDays: 1, approvalExpiryDays: 1 } });

    expect(await escalate(notDue.dueAt - HOUR)).toEqual({ reminded: 0, escalated: 0 });
    expect(await level(notDue.item.id)).toBe(0);
    expect(await audits(notDue.item.id)).toHaveLength(0);

    await escalate(decided.dueAt + 3 * DAY);
    expect(await level(decided.item.id)).toBe(0);
    // Past its expiry (due = expiry here): left to the expiry job.
    await escalate(expired.item.expiresAt!.getTime() + HOUR);
    expect(await level(expired.item.id)).toBe(0);
    // (Those later runs do remind about notDue, by then overdue: the agency's items all take part.)
    for (const id of [decided.item.id, expired.item.id]) {
      expect(await audits(id)).toHaveLength(0);
      expect(
        await db.notification.count({
          where: { type: { in: ["approval.reminder", "approval.escalated"] }, link: { contains: id } },
        }),
      ).toBe(0);
    }
  });
});

describe("cleaning up sign-in attempts", () => {
  it("deletes attempts older than 24 hours and keeps newer ones", async () => {
    const email = uniqueEmail("cleanup");
    const ip = uniqueIp();
    const now = Date.now();
    await db.loginAttempt.createMany({
      data: [
        { email, ip, success: false, createdAt: new Date(now - 25 * HOUR) },
        { email, ip, success: true, createdAt: new Date(now - 24 * HOUR - 60_000) },
        { email, ip, success: false, createdAt: new Date(now - 23 * HOUR) },
        { email, ip, success: false, createdAt: new Date(now - 60_000) },
      ],
    });
    expect(await cleanupLoginAttempts({ now: new Date(now) })).toBeGreaterThanOrEqual(2);
    const left = await db.loginAttempt.findMany({ where: { email }, orderBy: { createdAt: "asc" } });
    expect(left.map((a) => a.createdAt.getTime())).toEqual([now - 23 * HOUR, now - 60_000]);
    expect(await cleanupLoginAttempts({ now: new Date(now) })).toBe(0);
  });
});
