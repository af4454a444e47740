"use client";

import { Fragment, useEffect, useOptimistic, useState, useTransition } from "react";
import { LockIcon, RotateCcwIcon, XIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/utils";
import { ROLE_NAMES } from "@/lib/domain/users/labels";
import type { Role } from "@/lib/generated/prisma/enums";
import { setPermissionOverrideAction } from "@/lib/actions/admin";

type Cell = { allowed: boolean; byDefault: boolean; locked: boolean };
export type MatrixRow = { permission: string; description: string; byRole: Record<string, Cell> };
type Change = { role: Role; permission: string; allowed: boolean | null };

const LOCK_NOTE_ID = "permission-lock-note";

function apply(rows: MatrixRow[], change: Change): MatrixRow[] {
  return rows.map((row) => {
    if (row.permission !== change.permission) return row;
    const cell = row.byRole[change.role];
    return { ...row, byRole: { ...row.byRole, [change.role]: { ...cell, allowed: change.allowed ?? cell.byDefault } } };
  });
}

const onOff = (value: boolean) => (value ? "on" : "off");

/** Roles × permissions: a checkbox per cell, changed cells marked with a reset button, locked cells disabled. */
export function PermissionMatrix({ roles, rows }: { roles: readonly Role[]; rows: MatrixRow[] }) {
  const [optimisticRows, applyOptimistic] = useOptimistic(rows, apply);
  const [, startTransition] = useTransition();
  const [pendingKeys, setPendingKeys] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);

  function change(next: Change) {
    const key = `${next.role}:${next.permission}`;
    setPendingKeys((keys) => new Set(keys).add(key));
    startTransition(async () => {
      applyOptimistic(next);
      try {
        const result = await setPermissionOverrideAction(next);
        if (result.ok) {
          const { allowed, overridden } = result.data;
          setMessage({
            kind: "success",
            text: `${ROLE_NAMES[next.role]}: ${next.permission} is now ${onOff(allowed)}${overridden ? " (changed from the default)" : " (the default)"}.`,
          });
        } else {
          setMessage({ kind: "error", text: result.error.message });
        }
      } catch {
        setMessage({ kind: "error", text: "The change was not saved. Check your connection and try again." });
      } finally {
        setPendingKeys((keys) => {
          const rest = new Set(keys);
          rest.delete(key);
          return rest;
        });
      }
    });
  }

  // A confirmation fades after a few seconds; an error stays until dismissed or replaced.
  useEffect(() => {
    if (message?.kind !== "success") return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  const changedCount = optimisticRows.reduce(
    (sum, row) => sum + roles.filter((role) => row.byRole[role].allowed !== row.byRole[role].byDefault).length,
    0,
  );

  return (
    <div className="grid gap-4">
      <div className="flex flex-col gap-2 text-sm text-muted-foreground sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6">
        <span className="flex items-center gap-2">
          <span aria-hidden className="inline-block size-3 rounded-sm bg-warning/30 ring-1 ring-warning" />
          Changed from the default ({changedCount})
        </span>
        <span id={LOCK_NOTE_ID} className="flex items-start gap-2">
          <LockIcon aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          Locked: cannot be switched off for this role, so the agency cannot lock itself out.
        </span>
      </div>

      {/* Sticky, so that the outcome of a change far down the table is seen where it was made. */}
      <div aria-live="polite" className="sticky top-16 z-30 empty:hidden">
        {message ? (
          <Alert
            variant={message.kind === "error" ? "destructive" : "success"}
            className="flex items-start justify-between gap-3 bg-background py-2 shadow-md"
          >
            <span>{message.text}</span>
            <button
              type="button"
              onClick={() => setMessage(null)}
              className="rounded-sm opacity-70 hover:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
              aria-label="Dismiss"
            >
              <XIcon aria-hidden className="size-4" />
            </button>
          </Alert>
        ) : null}
      </div>

      <div
        className="relative w-full overflow-x-auto rounded-lg border"
        tabIndex={0}
        role="region"
        aria-label="Permission matrix, scrolls sideways"
      >
        <table className="w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">
            Permissions by role. Each checkbox switches one permission for one role in your agency.
          </caption>
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-20 w-36 min-w-36 border-b border-r bg-muted px-3 py-2 text-left font-medium text-muted-foreground sm:w-80 sm:border-r-0"
              >
                Permission
              </th>
              {roles.map((role) => (
                <th
                  key={role}
                  scope="col"
                  className="min-w-[4.75rem] border-b bg-muted px-2 py-2 text-center font-medium"
                >
                  <abbr title={ROLE_NAMES[role]} className="no-underline">
                    {role}
                  </abbr>
                  <span className="block text-[11px] font-normal text-muted-foreground">{ROLE_NAMES[role]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {optimisticRows.map((row) => (
              <tr key={row.permission} className="group">
                <th
                  scope="row"
                  className="sticky left-0 z-10 border-r border-b bg-card px-3 py-2 text-left align-top font-normal group-last:border-b-0 group-hover:bg-muted sm:border-r-0"
                >
                  <code className="block font-mono text-xs font-medium">
                    {row.permission.split(".").map((part, index) => (
                      <Fragment key={index}>
                        {index > 0 ? (
                          <>
                            .<wbr />
                          </>
                        ) : null}
                        {part}
                      </Fragment>
                    ))}
                  </code>
                  <span className="block text-xs text-muted-foreground">{row.description}</span>
                </th>
                {roles.map((role) => {
                  const cell = row.byRole[role];
                  const key = `${role}:${row.permission}`;
                  const changed = cell.allowed !== cell.byDefault;
                  const pending = pendingKeys.has(key);
                  const id = `perm-${role}-${row.permission.replaceAll(".", "-")}`;
                  return (
                    <td
                      key={role}
                      className={cn(
                        "border-b px-2 py-2 text-center align-middle group-last:border-b-0 group-hover:bg-muted/60",
                        changed && "bg-warning/15 group-hover:bg-warning/25",
                      )}
                    >
                      <div className="flex items-center justify-center gap-1">
                        <input
                          id={id}
                          type="checkbox"
                          className="size-4 cursor-pointer accent-primary disabled:cursor-not-allowed"
                          checked={cell.allowed}
                          disabled={cell.locked || pending}
                          aria-label={`${row.permission} for ${ROLE_NAMES[role]}${changed ? ", changed from the default" : ""}`}
                          aria-describedby={cell.locked ? LOCK_NOTE_ID : undefined}
                          title={cell.locked ? "Locked so that the agency cannot lock itself out" : undefined}
                          onChange={(event) =>
                            change({ role, permission: row.permission, allowed: event.target.checked })
                          }
                        />
                        {cell.locked ? (
                          <LockIcon aria-hidden className="size-3 text-muted-foreground" />
                        ) : changed ? (
                          <button
                            type="button"
                            disabled={pending}
                            onClick={() => change({ role, permission: row.permission, allowed: null })}
                            className="rounded p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none disabled:opacity-50"
                            aria-label={`Reset ${row.permission} for ${ROLE_NAMES[role]} to the default (${onOff(cell.byDefault)})`}
                            title={`Reset to the default (${onOff(cell.byDefault)})`}
                          >
                            <RotateCcwIcon aria-hidden className="size-3" />
                          </button>
                        ) : (
                          <span aria-hidden className="inline-block size-4" />
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
