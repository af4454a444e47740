import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listClients } from "@/lib/domain/clients/list-clients";
import { describeAssignment, ROLE_NAMES } from "@/lib/domain/users/labels";
import { listUsers } from "@/lib/domain/users/list-users";
import { formatDateTime } from "@/lib/utils";
import { revokeInvitationAction, unlockUserAction } from "@/lib/actions/admin";
import { InviteUserDialog } from "./invite-user-dialog";
import { RowActionButton } from "./row-action-button";

export const metadata: Metadata = { title: "Users" };

// On phones each row becomes a card: the header row is hidden and every cell carries its own label.
const row = "block border-b p-4 last:border-0 md:table-row md:p-0";
const cell = "flex gap-3 py-1 md:table-cell md:px-3 md:py-2.5 md:align-top";
const label = "w-28 shrink-0 text-xs font-medium text-muted-foreground md:hidden";
const head = "h-10 px-3 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground";

function isFuture(date: Date | null): date is Date {
  return date !== null && date.getTime() > Date.now();
}

export default async function UsersPage() {
  const ctx = await requirePortal("admin");
  await requirePagePermission(ctx, "user.read");
  const canManage = can(ctx, "user.manage");
  const [{ users, invitations }, clients] = await Promise.all([
    listUsers(ctx),
    can(ctx, "client.read")
      ? listClients(ctx, { take: 100, archived: "active" }).then((r) => r.items)
      : Promise.resolve([]),
  ]);
  const clientNames = new Map(clients.map((client) => [client.id, client.name]));
  const withoutMfa = users.filter((user) => !user.mfaEnabledAt).length;
  const locked = users.filter((user) => isFuture(user.lockedUntil)).length;

  return (
    <>
      <PageHeader
        title="Users"
        description={
          <>
            {users.length} {users.length === 1 ? "person" : "people"} in your agency · {withoutMfa} without two-factor
            sign-in
            {locked ? ` · ${locked} locked` : ""}
          </>
        }
        actions={
          canManage ? (
            <InviteUserDialog
              clients={clients.map(({ id, name }) => ({ id, name }))}
              canSeeOutbox={can(ctx, "outbox.read")}
            />
          ) : null
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>People</CardTitle>
            <CardDescription>
              Accounts lock for 15 minutes after 5 failed sign-ins; you can lift a lock early.
            </CardDescription>
          </CardHeader>
          <CardContent className="px-0 pb-2 md:px-2">
            {users.length === 0 ? (
              <div className="px-5 pb-3">
                <EmptyState title="No users yet">Invite the first person with “Invite user”.</EmptyState>
              </div>
            ) : (
              <div className="md:overflow-x-auto">
                <table className="w-full text-sm">
                  <caption className="sr-only">Users of the agency</caption>
                  <thead className="hidden border-b md:table-header-group">
                    <tr>
                      <th scope="col" className={head}>
                        Name
                      </th>
                      <th scope="col" className={head}>
                        E-mail
                      </th>
                      <th scope="col" className={head}>
                        Roles
                      </th>
                      <th scope="col" className={head}>
                        Two-factor
                      </th>
                      <th scope="col" className={head}>
                        Locked until
                      </th>
                      <th scope="col" className={head}>
                        Last sign-in
                      </th>
                    </tr>
                  </thead>
                  <tbody className="block md:table-row-group">
                    {users.map((user) => {
                      const lockedUntil = isFuture(user.lockedUntil) ? user.lockedUntil : null;
                      return (
                        <tr key={user.id} className={row}>
                          <th scope="row" className={`${cell} text-left font-medium`}>
                            <span className={label}>Name</span>
                            <span className="flex flex-wrap items-center gap-1.5">
                              {user.name}
                              {user.id === ctx.userId ? <Badge variant="outline">You</Badge> : null}
                              {user.status !== "ACTIVE" ? <Badge variant="destructive">Disabled</Badge> : null}
                            </span>
                          </th>
                          <td className={cell}>
                            <span className={label}>E-mail</span>
                            <a href={`mailto:${user.email}`} className="break-all hover:underline md:break-normal">
                              {user.email}
                            </a>
                          </td>
                          <td className={cell}>
                            <span className={label}>Roles</span>
                            <ul className="grid gap-1">
                              {user.roleAssignments.map((assignment) => {
                                const { role, scope } = describeAssignment(assignment, clientNames);
                                return (
                                  <li
                                    key={`${assignment.role}-${assignment.scopeType}-${assignment.scopeId}`}
                                    className="leading-tight"
                                  >
                                    <span className="font-medium">{role}</span>
                                    <span className="block text-xs text-muted-foreground">{scope}</span>
                                  </li>
                                );
                              })}
                              {user.roleAssignments.length === 0 ? (
                                <li className="text-muted-foreground">No role</li>
                              ) : null}
                            </ul>
                          </td>
                          <td className={cell}>
                            <span className={label}>Two-factor</span>
                            {user.mfaEnabledAt ? (
                              <Badge variant="success">On</Badge>
                            ) : (
                              <Badge variant="warning">Off</Badge>
                            )}
                          </td>
                          <td className={cell}>
                            <span className={label}>Locked until</span>
                            {lockedUntil ? (
                              <span className="grid justify-items-start gap-1.5">
                                <span className="text-destructive md:whitespace-nowrap">
                                  {formatDateTime(lockedUntil)}
                                </span>
                                {canManage ? (
                                  <RowActionButton
                                    action={unlockUserAction}
                                    input={{ id: user.id }}
                                    label="Unlock"
                                    pendingLabel="Unlocking…"
                                    accessibleLabel={`Unlock ${user.email}`}
                                  />
                                ) : null}
                              </span>
                            ) : (
                              <span className="text-muted-foreground">Not locked</span>
                            )}
                          </td>
                          <td className={cell}>
                            <span className={label}>Last sign-in</span>
                            <span className={user.lastLoginAt ? "md:whitespace-nowrap" : "text-muted-foreground"}>
                              {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Never"}
                            </span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Open invitations</CardTitle>
            <CardDescription>Invitations not yet accepted. A revoked link stops working at once.</CardDescription>
          </CardHeader>
          <CardContent>
            {invitations.length === 0 ? (
              <EmptyState title="No open invitations">
                {canManage ? "Invite someone with “Invite user”." : null}
              </EmptyState>
            ) : (
              <ul className="divide-y">
                {invitations.map((invitation) => {
                  const { scope } = describeAssignment(invitation, clientNames);
                  const expired = !isFuture(invitation.expiresAt);
                  return (
                    <li
                      key={invitation.id}
                      className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between"
                    >
                      <div className="min-w-0">
                        <p className="flex flex-wrap items-center gap-2 font-medium">
                          <span className="break-all">{invitation.email}</span>
                          {expired ? <Badge variant="secondary">Expired</Badge> : null}
                        </p>
                        <p className="text-sm text-muted-foreground">
                          {invitation.name} · {ROLE_NAMES[invitation.role]} · {scope}
                        </p>
                        <p className="text-xs text-muted-foreground">
                          Sent {formatDateTime(invitation.createdAt)} · {expired ? "expired" : "expires"}{" "}
                          {formatDateTime(invitation.expiresAt)}
                        </p>
                      </div>
                      {canManage ? (
                        <RowActionButton
                          action={revokeInvitationAction}
                          input={{ id: invitation.id }}
                          label="Revoke"
                          pendingLabel="Revoking…"
                          confirmLabel="Yes, revoke"
                          accessibleLabel={`Revoke the invitation of ${invitation.email}`}
                        />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
