"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { createFinancialObjectAction, reviseFinancialObjectAction } from "@/lib/actions/finance";
import type { FieldErrors } from "@/lib/errors";
import type { CreatableType } from "@/lib/domain/finance/schemas";
import type { FinancialCategory } from "@/lib/generated/prisma/enums";
import { hasReason } from "./object-actions";
import { emptyLine, LineItemEditor, linesInput, type LineDraft } from "./line-item-editor";
import { CREATABLE_TYPES, FINANCE_TYPE_LABELS } from "./status";

const BUDGET_CATEGORIES: FinancialCategory[] = [
  "INFLUENCER_FEES",
  "PRODUCTION",
  "PAID_MEDIA",
  "AGENCY_FEE",
  "CONTINGENCY",
];

/** New budget, quote, purchase order, expense or invoice on a campaign: type, title, currency, lines. Opens the new object. */
export function CreateFinancialObjectForm({
  campaignId,
  defaultCurrency,
  objectPath,
}: {
  campaignId: string;
  defaultCurrency: string;
  objectPath: string;
}) {
  const router = useRouter();
  const [type, setType] = useState<CreatableType>("BUDGET");
  const [title, setTitle] = useState("");
  const [currency, setCurrency] = useState(defaultCurrency);
  const [externalRef, setExternalRef] = useState("");
  const [lines, setLines] = useState<LineDraft[]>(() => BUDGET_CATEGORIES.map((c) => emptyLine(c)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    startTransition(async () => {
      const result = await createFinancialObjectAction({
        campaignId,
        type,
        title,
        currency: currency.toUpperCase(),
        ...(externalRef ? { externalRef } : {}),
        lines: linesInput(lines),
      });
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setFormError(result.error.message);
        const first = Object.keys(result.error.fields ?? {})[0];
        if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
        return;
      }
      router.push(`${objectPath}/${result.data.id}`);
    });
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-4" aria-label="New financial object">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr_7rem]">
        <FormField id="fo-type" label="Type" error={errors.type}>
          <NativeSelect name="type" value={type} onChange={(e) => setType(e.target.value as CreatableType)}>
            {CREATABLE_TYPES.map((t) => (
              <option key={t} value={t}>
                {FINANCE_TYPE_LABELS[t]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="fo-title" label="Title" error={errors.title}>
          <Input name="title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </FormField>
        <FormField id="fo-currency" label="Currency" error={errors.currency}>
          <Input
            name="currency"
            value={currency}
            maxLength={3}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          />
        </FormField>
      </div>
      {type === "INFLUENCER_INVOICE" || type === "EXPENSE" || type === "PURCHASE_ORDER" ? (
        <FormField id="fo-ref" label="Their reference (optional)" error={errors.externalRef}>
          <Input
            name="externalRef"
            value={externalRef}
            maxLength={100}
            onChange={(e) => setExternalRef(e.target.value)}
          />
        </FormField>
      ) : null}
      <LineItemEditor
        lines={lines}
        onChange={setLines}
        currency={currency || "EUR"}
        errors={errors}
        idPrefix="new-line"
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save draft"}
        </Button>
      </div>
    </form>
  );
}

export type RevisableObject = {
  id: string;
  title: string;
  currency: string;
  version: number;
  lines: {
    category: FinancialCategory | null;
    description: string;
    quantity: string;
    unitPrice: string;
    taxRate: string;
  }[];
};

/** Revise: change title or lines; a reason is required and becomes the new revision's note. */
export function ReviseForm({ object }: { object: RevisableObject }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(object.title);
  const [reason, setReason] = useState("");
  const [lines, setLines] = useState<LineDraft[]>(() =>
    object.lines.map((l) => ({
      ...emptyLine(l.category ?? ""),
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRate: l.taxRate,
    })),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open)
    return (
      <div>
        <Button type="button" variant="outline" onClick={() => setOpen(true)}>
          Revise
        </Button>
      </div>
    );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!hasReason(form, reason, "Say why you revise it", setErrors)) return;
    startTransition(async () => {
      const result = await reviseFinancialObjectAction({
        id: object.id,
        version: object.version,
        title,
        reason,
        lines: linesInput(lines),
      });
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setFormError(result.error.message);
        return;
      }
      setErrors({});
      setFormError(null);
      setOpen(false);
      setReason("");
      router.refresh();
    });
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="grid gap-4 rounded-lg border p-4" aria-label="Revise">
      <h2 className="text-lg font-semibold">Revise</h2>
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      <FormField id="rev-title" label="Title" error={errors.title}>
        <Input name="title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
      </FormField>
      <LineItemEditor
        lines={lines}
        onChange={setLines}
        currency={object.currency}
        errors={errors}
        idPrefix="rev-line"
      />
      <FormField id="rev-reason" label="Reason for the revision (required)" error={errors.reason}>
        <Textarea name="reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save revision"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
