import "server-only";
import type { Tx } from "@/lib/db/client";
import { permissionsForRole, type Permission } from "@/lib/auth/permissions";
import { appUrl } from "@/lib/domain/auth/constants";
import { queueEmail } from "@/lib/email/send-email";
import type { Role, ScopeType } from "@/lib/generated/prisma/enums";

// In-app notifications and their e-mails, written inside the caller's transaction (so a rolled-back change
// notifies nobody); the caller hands the returned e-mail ids to deliverEmails() after the commit.

export type Recipient = {
  id: string;
  email: string;
  name: string;
  /** a client user: links go to the client portal */ isClient: boolean;
};

const STAFF_ROLES: Role[] = ["CM", "DIR", "FIN", "ADM"];

/** Active users of the agency by id, with whether they are client users. Unknown ids are dropped. */
export async function loadRecipients(
  tx: Tx,
  agencyId: string,
  userIds: readonly (string | null | undefined)[],
): Promise<Recipient[]> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return [];
  const users = await tx.user.findMany({
    where: { agencyId, id: { in: ids }, status: "ACTIVE" },
    select: { id: true, email: true, name: true, roleAssignments: { select: { role: true } } },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    isClient:
      !u.roleAssignments.some((a) => STAFF_ROLES.includes(a.role)) &&
      u.roleAssignments.some((a) => a.role === "CLIENT"),
  }));
}

/** Active users who hold `role` within the scope and, after the agency's overrides, `permission`. */
export async function usersHoldingRole(
  tx: Tx,
  agencyId: string,
  holder: { role: Role; scopeType: ScopeType; scopeId: string | null; permission: Permission },
): Promise<Recipient[]> {
  const overrides = await tx.permissionOverride.findMany({
    where: { agencyId },
    select: { role: true, permission: true, allowed: true },
  });
  if (!permissionsForRole(holder.role, overrides).has(holder.permission)) return [];
  const assignments = await tx.roleAssignment.findMany({
    where: {
      agencyId,
      role: holder.role,
      scopeType: holder.scopeType,
      scopeId: holder.scopeType === "AGENCY" ? null : holder.scopeId,
      user: { status: "ACTIVE" },
    },
    select: { userId: true },
  });
  return loadRecipients(
    tx,
    agencyId,
    assignments.map((a) => a.userId),
  );
}

export type NotificationMessage = { type: string; title: string; body?: string | null; link: string };

/**
 * One Notification row and one e-mail per recipient. `message` builds the text per recipient (links differ
 * between the client and the agency portal). Returns the e-mail ids for deliverEmails().
 */
export async function notifyUsers(
  tx: Tx,
  agencyId: string,
  recipients: readonly Recipient[],
  message: (recipient: Recipient) => NotificationMessage,
): Promise<string[]> {
  const emailIds: string[] = [];
  const seen = new Set<string>();
  for (const recipient of recipients) {
    if (seen.has(recipient.id)) continue;
    seen.add(recipient.id);
    const m = message(recipient);
    await tx.notification.create({
      data: { agencyId, userId: recipient.id, type: m.type, title: m.title, body: m.body ?? null, link: m.link },
    });
    const text = [
      `Hello ${recipient.name},`,
      "",
      m.title,
      ...(m.body ? ["", m.body] : []),
      "",
      `Open it in TiKiT: ${appUrl()}${m.link}`,
    ].join("\n");
    emailIds.push(await queueEmail(tx, { agencyId, to: recipient.email, subject: m.title, text }));
  }
  return emailIds;
}
