"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { decideApprovalAction } from "@/lib/actions/approvals";
import { issueFields, loadSchema, type SchemaLoader } from "@/components/forms/use-action-form";
import type { Decision } from "@/lib/domain/approvals/schemas";
import type { FieldErrors } from "@/lib/errors";

// The schema (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const decideApprovalSchema: SchemaLoader = () =>
  import("@/lib/domain/approvals/schemas").then((m) => m.decideApprovalSchema);

const CHOICES: { value: Decision; label: string; hint: string }[] = [
  { value: "APPROVED", label: "Approve", hint: "Go ahead as it is." },
  {
    value: "APPROVED_WITH_CONDITIONS",
    label: "Approve with conditions",
    hint: "Go ahead once your conditions are met.",
  },
  { value: "CHANGES_REQUESTED", label: "Request changes", hint: "The agency revises it and sends it again." },
  { value: "REJECTED", label: "Reject", hint: "Do not go ahead." },
];

export type DecisionLine = { lineId: string; name: string; handles: string; fee: string };

/** The approver's decision, with per-influencer approve/reject on a shortlist. Checked with the shared schema first. */
export function DecisionForm({ approvalId, lines }: { approvalId: string; lines: DecisionLine[] }) {
  const router = useRouter();
  const [decision, setDecision] = useState<Decision>("APPROVED");
  const [text, setText] = useState({ conditions: "", note: "" });
  const [lineChoice, setLineChoice] = useState<Record<string, "APPROVED" | "REJECTED">>(() =>
    Object.fromEntries(lines.map((l) => [l.lineId, "APPROVED"])),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const perLine = lines.length > 0 && decision !== "CHANGES_REQUESTED";

  useEffect(() => void loadSchema(decideApprovalSchema), []);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = {
      decision,
      conditions: decision === "APPROVED_WITH_CONDITIONS" ? text.conditions : null,
      note: text.note || null,
      lines: perLine ? lines.map((l) => ({ lineId: l.lineId, decision: lineChoice[l.lineId] })) : undefined,
    };
    const parsed = (await loadSchema(decideApprovalSchema))?.safeParse(input);
    if (parsed && !parsed.success) {
      const fields = issueFields(parsed.error.issues);
      setErrors(fields);
      form.querySelector<HTMLElement>(`[name="${Object.keys(fields)[0]}"]`)?.focus();
      return;
    }
    startTransition(async () => {
      const result = await decideApprovalAction({ approvalId, decision: input });
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setFormError(result.error.message);
        return;
      }
      setErrors({});
      setFormError(null);
      router.refresh();
    });
  }

  return (
    <form method="post" onSubmit={submit} className="grid gap-4" aria-label="Your decision">
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Your decision</legend>
        {CHOICES.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer items-start gap-2 rounded-md border p-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent"
          >
            <input
              type="radio"
              name="decision"
              value={choice.value}
              checked={decision === choice.value}
              onChange={() => setDecision(choice.value)}
              className="mt-1"
            />
            <span>
              <span className="font-medium">{choice.label}</span>
              <span className="block text-xs text-muted-foreground">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {perLine ? (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Influencers</legend>
          {lines.map((line) => (
            <div
              key={line.lineId}
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2 text-sm"
            >
              <span>
                <span className="font-medium">{line.name}</span>{" "}
                <span className="text-muted-foreground">{line.handles}</span>
                <span className="block text-xs text-muted-foreground">{line.fee}</span>
              </span>
              <span className="flex gap-3" role="radiogroup" aria-label={`Decision on ${line.name}`}>
                {(["APPROVED", "REJECTED"] as const).map((value) => (
                  <label key={value} className="flex items-center gap-1">
                    <input
                      type="radio"
                      name={`line-${line.lineId}`}
                      checked={lineChoice[line.lineId] === value}
                      onChange={() => setLineChoice((c) => ({ ...c, [line.lineId]: value }))}
                    />
                    {value === "APPROVED" ? "Approve" : "Reject"} <span className="sr-only">{line.name}</span>
                  </label>
                ))}
              </span>
            </div>
          ))}
        </fieldset>
      ) : null}
      {decision === "APPROVED_WITH_CONDITIONS" ? (
        <FormField id="decision-conditions" label="Conditions (required)" error={errors.conditions}>
          <Textarea
            name="conditions"
            rows={3}
            value={text.conditions}
            onChange={(e) => setText((t) => ({ ...t, conditions: e.target.value }))}
          />
        </FormField>
      ) : null}
      <FormField
        id="decision-note"
        label={decision === "CHANGES_REQUESTED" ? "Which changes? (required)" : "Note (optional)"}
        error={errors.note}
      >
        <Textarea
          name="note"
          rows={3}
          value={text.note}
          onChange={(e) => setText((t) => ({ ...t, note: e.target.value }))}
        />
      </FormField>
      {formError || errors.lines ? (
        <p role="alert" className="text-sm text-destructive">
          {errors.lines ?? formError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send decision"}
      </Button>
    </form>
  );
}
