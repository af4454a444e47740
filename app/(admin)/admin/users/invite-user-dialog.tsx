"use client";

import Link from "next/link";
import { useState } from "react";
import { MailPlusIcon } from "lucide-react";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { Alert, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { ROLE_VALUES } from "@/lib/domain/auth/values";
import { ROLE_NAMES } from "@/lib/domain/users/labels";
import { formatDateTime } from "@/lib/utils";
import { inviteUserAction } from "@/lib/actions/admin";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const invitationSchema: SchemaLoader = () => import("@/lib/domain/auth/schemas").then((m) => m.invitationSchema);

type Role = (typeof ROLE_VALUES)[number];
type ScopeType = "AGENCY" | "CLIENT";
type Invited = { email: string; expiresAt: Date };

const ROLE_HINTS: Record<Role, string> = {
  CM: "Runs campaigns in the agency portal.",
  DIR: "Everything in the agency; decides large budgets. Must use two-factor sign-in.",
  FIN: "Budgets, invoices and payouts in the finance portal. Must use two-factor sign-in.",
  ADM: "Users, permissions and the audit log. Must use two-factor sign-in.",
  CLIENT: "A brand's reviewer: sees only their own client's campaigns.",
  INF: "An influencer: their own tasks and earnings in the creator portal.",
};

export function InviteUserDialog({
  clients,
  canSeeOutbox,
}: {
  clients: { id: string; name: string }[];
  canSeeOutbox: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>("CM");
  const [scopeType, setScopeType] = useState<ScopeType>("AGENCY");
  const [invited, setInvited] = useState<Invited | null>(null);
  const { errors, formError, pending, submit } = useActionForm({
    schema: invitationSchema,
    action: inviteUserAction,
    onSuccess: (data) => setInvited({ email: data.email, expiresAt: data.expiresAt }),
  });

  function reset() {
    setInvited(null);
    setRole("CM");
    setScopeType("AGENCY");
  }

  function changeRole(next: Role) {
    setRole(next);
    // A client user is always scoped to their client; other roles default to the whole agency.
    setScopeType(next === "CLIENT" ? "CLIENT" : "AGENCY");
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <MailPlusIcon aria-hidden />
          Invite user
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{invited ? "Invitation sent" : "Invite a user"}</DialogTitle>
          <DialogDescription>
            {invited
              ? "The person sets their own password from the link in the e-mail."
              : "They get an e-mail with a single-use link, valid for 72 hours, to set their password."}
          </DialogDescription>
        </DialogHeader>
        {invited ? (
          <div className="grid gap-4">
            <Alert variant="success">
              <AlertTitle>Invitation e-mail to {invited.email} is in the outbox</AlertTitle>
              The link works until {formatDateTime(invited.expiresAt)}.
              {canSeeOutbox ? (
                <>
                  {" "}
                  <Link
                    href="/admin/outbox"
                    className="font-medium underline underline-offset-4"
                    onClick={() => setOpen(false)}
                  >
                    Open the outbox
                  </Link>
                </>
              ) : null}
            </Alert>
            <div className="flex flex-wrap justify-end gap-2">
              <Button type="button" variant="outline" onClick={reset}>
                Invite another
              </Button>
              <Button type="button" autoFocus onClick={() => setOpen(false)}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form method="post" onSubmit={submit} noValidate className="grid gap-4">
            {formError ? <Alert variant="destructive">{formError}</Alert> : null}
            <FormField id="invite-email" label="E-mail" error={errors.email}>
              <Input name="email" type="email" autoComplete="off" autoFocus required />
            </FormField>
            <FormField id="invite-name" label="Name" error={errors.name}>
              <Input name="name" autoComplete="off" required />
            </FormField>
            <FormField id="invite-role" label="Role" error={errors.role} hint={ROLE_HINTS[role]}>
              <NativeSelect name="role" value={role} onChange={(event) => changeRole(event.target.value as Role)}>
                {ROLE_VALUES.map((value) => (
                  <option key={value} value={value}>
                    {ROLE_NAMES[value]} ({value})
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField
                id="invite-scope-type"
                label="Scope"
                error={errors.scopeType}
                hint={role === "CLIENT" ? "Client users only see their client." : undefined}
              >
                <NativeSelect
                  name="scopeType"
                  value={scopeType}
                  onChange={(event) => setScopeType(event.target.value as ScopeType)}
                >
                  <option value="AGENCY" disabled={role === "CLIENT"}>
                    Whole agency
                  </option>
                  <option value="CLIENT" disabled={clients.length === 0}>
                    One client
                  </option>
                </NativeSelect>
              </FormField>
              {scopeType === "CLIENT" ? (
                <FormField
                  id="invite-scope-id"
                  label="Client"
                  error={errors.scopeId}
                  hint={clients.length === 0 ? "There is no active client yet. Create one first." : undefined}
                >
                  <NativeSelect name="scopeId" defaultValue="" required>
                    <option value="" disabled>
                      Choose a client…
                    </option>
                    {clients.map((client) => (
                      <option key={client.id} value={client.id}>
                        {client.name}
                      </option>
                    ))}
                  </NativeSelect>
                </FormField>
              ) : null}
            </div>
            <div className="flex flex-wrap justify-end gap-2">
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {pending ? "Sending invitation…" : "Send invitation"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
