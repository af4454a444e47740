"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import {
  decideFinancialObjectAction,
  issueInvoiceAction,
  markPayoutSentAction,
  recordPaymentAction,
  schedulePayoutAction,
  submitFinancialObjectAction,
  voidFinancialObjectAction,
} from "@/lib/actions/finance";
import type { ActionResult } from "@/lib/actions/action";
import type { FieldErrors } from "@/lib/errors";

/** Runs one action, shows its field and form errors, refreshes the server-rendered page on success. */
function useRun() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function run<T>(form: HTMLFormElement | null, call: () => Promise<ActionResult<T>>, done?: (data: T) => void) {
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setFormError(result.error.message);
        const first = Object.keys(result.error.fields ?? {})[0];
        if (first) form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
        return;
      }
      setErrors({});
      setFormError(null);
      done?.(result.data);
      router.refresh();
    });
  }
  return { errors, setErrors, formError, pending, run };
}

/** A required reason: when it is empty, names the field and puts the cursor in it, and answers false. */
export function hasReason(
  form: HTMLFormElement,
  reason: string,
  message: string,
  setErrors: (errors: FieldErrors) => void,
): boolean {
  if (reason.trim()) return true;
  setErrors({ reason: message });
  form.querySelector<HTMLElement>('[name="reason"]')?.focus();
  return false;
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function SubmitObjectButton({ id }: { id: string }) {
  const { formError, pending, run } = useRun();
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        run(e.currentTarget, () => submitFinancialObjectAction({ id }));
      }}
      aria-label="Submit for approval"
      className="grid gap-2"
    >
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Submitting…" : "Submit for approval"}
      </Button>
    </form>
  );
}

/** Approve, or reject with a reason (required to reject), on the revision shown. */
export function DecideObjectForm({ id, revision, stepLabel }: { id: string; revision: number; stepLabel?: string }) {
  const { errors, setErrors, formError, pending, run } = useRun();
  const [decision, setDecision] = useState<"APPROVED" | "REJECTED">("APPROVED");
  const [reason, setReason] = useState("");
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (decision === "REJECTED" && !hasReason(form, reason, "Say why you reject it", setErrors)) return;
    run(form, () => decideFinancialObjectAction({ id, revision, decision, ...(reason.trim() ? { reason } : {}) }));
  }
  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-3" aria-label="Your decision">
      {stepLabel ? <p className="text-sm text-muted-foreground">{stepLabel}</p> : null}
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Your decision</legend>
        {(["APPROVED", "REJECTED"] as const).map((value) => (
          <label
            key={value}
            className="flex cursor-pointer items-center gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent"
          >
            <input
              type="radio"
              name="decision"
              value={value}
              checked={decision === value}
              onChange={() => setDecision(value)}
            />
            {value === "APPROVED" ? "Approve" : "Reject"}
          </label>
        ))}
      </fieldset>
      <FormField
        id={`decide-reason-${id}`}
        label={decision === "REJECTED" ? "Reason (required)" : "Note (optional)"}
        error={errors.reason}
      >
        <Textarea name="reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send decision"}
      </Button>
    </form>
  );
}

/**
 * A queue row's decision: approve at once, or reject with a reason (the reason field opens in the row). The
 * revision the row shows goes with it: a decision never lands on a revision made after the queue was loaded.
 */
export function QueueDecision({ id, revision, title }: { id: string; revision: number; title: string }) {
  const { errors, setErrors, formError, pending, run } = useRun();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  if (!rejecting) {
    return (
      <form
        method="post"
        onSubmit={(e) => {
          e.preventDefault();
          run(e.currentTarget, () => decideFinancialObjectAction({ id, revision, decision: "APPROVED" }));
        }}
        className="grid gap-1"
        aria-label={`Decide on ${title}`}
      >
        {formError ? (
          <p role="alert" className="text-xs text-destructive">
            {formError}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-1">
          <Button type="submit" size="sm" disabled={pending} aria-label={`Approve ${title}`}>
            {pending ? "Approving…" : "Approve"}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="outline"
            disabled={pending}
            aria-label={`Reject ${title}…`}
            onClick={() => setRejecting(true)}
          >
            Reject…
          </Button>
        </div>
      </form>
    );
  }
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!hasReason(form, reason, "Say why you reject it", setErrors)) return;
    run(form, () => decideFinancialObjectAction({ id, revision, decision: "REJECTED", reason }));
  }
  return (
    <form method="post" onSubmit={submit} noValidate className="grid min-w-48 gap-2" aria-label={`Reject ${title}`}>
      {formError ? (
        <p role="alert" className="text-xs text-destructive">
          {formError}
        </p>
      ) : null}
      <FormField id={`queue-reason-${id}`} label="Reason (required)" error={errors.reason}>
        <Textarea
          name="reason"
          rows={2}
          maxLength={2000}
          value={reason}
          autoFocus
          onChange={(e) => setReason(e.target.value)}
        />
      </FormField>
      <div className="flex flex-wrap gap-1">
        <Button type="submit" size="sm" variant="destructive" disabled={pending}>
          {pending ? "Rejecting…" : "Reject"}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={pending}
          onClick={() => {
            setRejecting(false);
            setErrors({});
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Issue a client invoice: the number is given on issue. */
export function IssueInvoiceForm({ id }: { id: string }) {
  const { errors, formError, pending, run } = useRun();
  const [issueDate, setIssueDate] = useState(today);
  const [dueDate, setDueDate] = useState(() => inDays(30));
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        run(e.currentTarget, () => issueInvoiceAction({ id, issueDate, dueDate }));
      }}
      noValidate
      className="grid gap-3"
      aria-label="Issue invoice"
    >
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <div className="grid gap-3">
        <FormField id="issue-date" label="Issue date" error={errors.issueDate}>
          <Input type="date" name="issueDate" value={issueDate} onChange={(e) => setIssueDate(e.target.value)} />
        </FormField>
        <FormField id="due-date" label="Due date" error={errors.dueDate}>
          <Input type="date" name="dueDate" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </FormField>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Issuing…" : "Issue invoice"}
      </Button>
    </form>
  );
}

/** Record a payment (partial or in full); the invoice is paid once payments reach its total. */
export function RecordPaymentForm({
  id,
  currency,
  outstanding,
}: {
  id: string;
  currency: string;
  outstanding: string;
}) {
  const { errors, formError, pending, run } = useRun();
  const [amount, setAmount] = useState(outstanding);
  const [paidAt, setPaidAt] = useState(today);
  const [reference, setReference] = useState("");
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          e.currentTarget,
          () => recordPaymentAction({ id, amount, paidAt, ...(reference ? { reference } : {}) }),
          () => setReference(""),
        );
      }}
      noValidate
      className="grid gap-3"
      aria-label="Record payment"
    >
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <div className="grid gap-3">
        <FormField id="pay-amount" label={`Amount (${currency})`} error={errors.amount}>
          <Input name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </FormField>
        <FormField id="pay-date" label="Paid on" error={errors.paidAt}>
          <Input type="date" name="paidAt" value={paidAt} onChange={(e) => setPaidAt(e.target.value)} />
        </FormField>
        <FormField id="pay-ref" label="Reference (optional)" error={errors.reference}>
          <Input name="reference" maxLength={100} value={reference} onChange={(e) => setReference(e.target.value)} />
        </FormField>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Record payment"}
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={pending}
          onClick={(e) => {
            setAmount(outstanding);
            run(e.currentTarget.form, () =>
              recordPaymentAction({ id, amount: outstanding, paidAt, ...(reference ? { reference } : {}) }),
            );
          }}
        >
          Mark paid in full
        </Button>
      </div>
    </form>
  );
}

export function VoidForm({ id }: { id: string }) {
  const { errors, setErrors, formError, pending, run } = useRun();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!open)
    return (
      <Button type="button" variant="outline" onClick={() => setOpen(true)}>
        Void…
      </Button>
    );
  return (
    <form
      method="post"
      noValidate
      className="grid gap-3"
      aria-label="Void"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) return setErrors({ reason: "Say why you void it" });
        run(
          e.currentTarget,
          () => voidFinancialObjectAction({ id, reason }),
          () => setOpen(false),
        );
      }}
    >
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <FormField id={`void-reason-${id}`} label="Reason for voiding (required)" error={errors.reason}>
        <Textarea name="reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" variant="destructive" disabled={pending}>
          {pending ? "Voiding…" : "Void"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function SchedulePayoutForm({ id }: { id: string }) {
  const { errors, formError, pending, run } = useRun();
  const [scheduledFor, setScheduledFor] = useState(() => inDays(7));
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        run(e.currentTarget, () => schedulePayoutAction({ id, scheduledFor }));
      }}
      noValidate
      className="grid gap-3"
      aria-label="Schedule payout"
    >
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <FormField id={`payout-date-${id}`} label="Pay out on" error={errors.scheduledFor}>
        <Input type="date" name="scheduledFor" value={scheduledFor} onChange={(e) => setScheduledFor(e.target.value)} />
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Scheduling…" : "Schedule payout"}
      </Button>
    </form>
  );
}

export function MarkPayoutSentButton({ id, label = "Mark sent" }: { id: string; label?: string }) {
  const { formError, pending, run } = useRun();
  return (
    <form
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        run(e.currentTarget, () => markPayoutSentAction({ id }));
      }}
      aria-label={label}
      className="grid gap-1"
    >
      {formError ? (
        <p role="alert" className="text-xs text-destructive">
          {formError}
        </p>
      ) : null}
      <Button type="submit" size="sm" disabled={pending}>
        {pending ? "Saving…" : label}
      </Button>
    </form>
  );
}
