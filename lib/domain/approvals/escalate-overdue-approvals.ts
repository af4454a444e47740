import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { deliverEmails } from "@/lib/email/send-email";
import { loadRecipients, notifyUsers, type Recipient } from "@/lib/domain/notifications/notify";
import { approvalLink } from "./links";
import { addDays, approvalPolicy } from "./policy";
import { approversOf } from "./request-approval";
import { APPROVAL_TYPE_LABELS } from "./schemas";

// Overdue approvals escalate in two steps (DESIGN.md, Approvals): at the due date the approvers get a
// reminder (escalationLevel 0 → 1); the policy's escalation days later (default 2) the campaign's director,
// or without one every director of the agency, is told (1 → 2). An item past both takes both in one run, so a
// second run at the same moment has nothing to do. A system job: no permission context, audit entries without
// an actor. One transaction per item whose conditional update on (id, PENDING, level) decides who escalates:
// two workers running at once never escalate an item twice.

export const MAX_ESCALATION_LEVEL = 2;
const BATCH = 500;
/** A run takes no further item after this long (the job expires after 60 s, lib/jobs/boss.ts). */
const BUDGET_MS = 30_000;

type Candidate = { id: string; agencyId: string; escalationLevel: number; dueAt: Date | null };

export type EscalationResult = { reminded: number; escalated: number };

async function directorsOf(tx: Tx, agencyId: string, directorId: string | null): Promise<Recipient[]> {
  if (directorId) {
    const director = await loadRecipients(tx, agencyId, [directorId]);
    if (director.length) return director;
  }
  const assignments = await tx.roleAssignment.findMany({
    where: { agencyId, role: "DIR", scopeType: "AGENCY", scopeId: null, user: { status: "ACTIVE" } },
    select: { userId: true },
  });
  return loadRecipients(
    tx,
    agencyId,
    assignments.map((a) => a.userId),
  );
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "—";

/** The level an item should be at now: 1 from the due date, 2 from the policy's escalation days after it. */
function targetLevel(dueAt: Date, escalationDays: number, now: Date): number {
  if (dueAt > now) return 0;
  return addDays(dueAt, escalationDays) <= now ? 2 : 1;
}

/**
 * Brings one item to the level its due date calls for, taking each missing step (an item past both gets the
 * reminder and the escalation in one run), so that a second run at the same moment (a retried job) finds
 * nothing left to do. Returns the levels it stepped through, empty when another run (or a decision) got there first.
 */
async function escalateOne(candidate: Candidate, now: Date): Promise<number[]> {
  const { steps, emailIds } = await db.$transaction(async (tx) => {
    const none = { steps: [] as number[], emailIds: [] as string[] };
    const item = await tx.approvalItem.findFirst({
      where: {
        id: candidate.id,
        agencyId: candidate.agencyId,
        status: "PENDING",
        escalationLevel: candidate.escalationLevel,
      },
      include: { campaign: { select: { id: true, name: true, directorId: true, policy: true } } },
    });
    if (!item || !item.dueAt || item.dueAt > now || (item.expiresAt && item.expiresAt <= now)) return none;
    const from = item.escalationLevel;
    const to = Math.min(
      targetLevel(item.dueAt, approvalPolicy(item.campaign.policy).escalationDays, now),
      MAX_ESCALATION_LEVEL,
    );
    if (from >= to) return none;

    // The claim: the row lock makes a concurrent run wait, and it then finds the level changed (0 rows).
    const claimed = await tx.approvalItem.updateMany({
      where: { id: item.id, agencyId: item.agencyId, status: "PENDING", escalationLevel: from },
      data: { escalationLevel: to },
    });
    if (claimed.count !== 1) return none;

    const label = APPROVAL_TYPE_LABELS[item.type];
    const what = `${label} of "${item.campaign.name}"`;
    const emailIds: string[] = [];
    const steps: number[] = [];
    for (let level = from; level < to; level++) {
      let recipients: Recipient[];
      if (level === 0) {
        recipients = await approversOf(tx, item.agencyId, item);
        emailIds.push(
          ...(await notifyUsers(tx, item.agencyId, recipients, (r) => ({
            type: "approval.reminder",
            title: `Reminder: the ${what} waits for your approval`,
            body: `It was due on ${day(item.dueAt)}${item.expiresAt ? ` and expires on ${day(item.expiresAt)}` : ""}.`,
            link: approvalLink(item, r),
          }))),
        );
      } else {
        recipients = await directorsOf(tx, item.agencyId, item.campaign.directorId);
        emailIds.push(
          ...(await notifyUsers(tx, item.agencyId, recipients, (r) => ({
            type: "approval.escalated",
            title: `Overdue: the ${what} is still not decided`,
            body: `It was due on ${day(item.dueAt)}; the approvers were reminded.${item.expiresAt ? ` It expires on ${day(item.expiresAt)}.` : ""}`,
            link: approvalLink(item, r),
          }))),
        );
      }
      await writeAudit(
        tx,
        { agencyId: item.agencyId, userId: null, email: null },
        {
          action: "approval.escalate",
          model: "ApprovalItem",
          recordId: item.id,
          display: `${label} v${item.subjectVersion} ${level === 0 ? "overdue: approvers reminded" : "overdue: escalated to the director"}`,
          parent: { model: "Campaign", id: item.campaignId },
          before: { escalationLevel: level },
          after: { escalationLevel: level + 1, notified: recipients.map((r) => r.id) },
        },
      );
      steps.push(level + 1);
    }
    return { steps, emailIds };
  });
  await deliverEmails(emailIds);
  return steps;
}

/**
 * Escalates pending approvals past their due date by one step each (all agencies, or one). Called by a
 * scheduled job; idempotent (a second run at the same moment changes nothing) and safe in parallel. Items
 * already expired are left to expireApprovals.
 */
export async function escalateOverdueApprovals(
  options: { now?: Date; agencyId?: string; budgetMs?: number } = {},
): Promise<EscalationResult> {
  const now = options.now ?? new Date();
  const started = Date.now();
  const candidates = await db.approvalItem.findMany({
    where: {
      status: "PENDING",
      dueAt: { lte: now },
      escalationLevel: { lt: MAX_ESCALATION_LEVEL },
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      ...(options.agencyId ? { agencyId: options.agencyId } : {}),
    },
    select: { id: true, agencyId: true, escalationLevel: true, dueAt: true },
    // Reminders first: they are always due work, while level-1 items may wait for their escalation days.
    orderBy: [{ escalationLevel: "asc" }, { dueAt: "asc" }],
    take: BATCH,
  });
  const result: EscalationResult = { reminded: 0, escalated: 0 };
  for (const candidate of candidates) {
    const steps = await escalateOne(candidate, now);
    if (steps.includes(1)) result.reminded++;
    if (steps.includes(2)) result.escalated++;
    // Past the budget the rest waits for the next run (every 15 minutes): the job stays inside its expiry even
    // when each item's e-mails go out over a slow SMTP server. Counted after work only: items still within
    // their escalation days are candidates too, and cost one read each.
    if (steps.length > 0 && Date.now() - started >= (options.budgetMs ?? BUDGET_MS)) break;
  }
  return result;
}
