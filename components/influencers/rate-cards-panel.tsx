"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { DELIVERABLE_TYPES, PLATFORMS } from "@/lib/domain/enums";
import { CURRENCIES } from "@/lib/domain/clients/values";
import { addRateCardAction, removeRateCardAction, updateRateCardAction } from "@/lib/actions/influencers";
import { titleCase } from "./format";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const rateCardSchema: SchemaLoader = () => import("@/lib/domain/influencers/schemas").then((m) => m.rateCardSchema);

export type RateCardView = { id: string; platform: string; deliverableType: string; fee: string; currency: string };

function RateCardDialog({
  influencerId,
  card,
  open,
  onClose,
}: {
  influencerId: string;
  card: RateCardView | null;
  open: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const done = () => {
    onClose();
    router.refresh();
  };
  const add = useActionForm({ schema: rateCardSchema, action: addRateCardAction, onSuccess: done });
  const edit = useActionForm({ schema: rateCardSchema, action: updateRateCardAction, onSuccess: done });
  const { errors, formError, pending, submit } = card ? edit : add;
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={card ? "Edit fee" : "Add a fee"}
      description="The influencer's fee for one deliverable on one platform."
      onSubmit={submit}
      formError={formError}
      pending={pending}
      submitLabel={card ? "Save fee" : "Add fee"}
    >
      <input type="hidden" name="influencerId" value={influencerId} />
      {card ? <input type="hidden" name="rateCardId" value={card.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="r-platform" label="Platform" error={errors.platform}>
          <NativeSelect name="platform" defaultValue={card?.platform ?? "INSTAGRAM"}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {titleCase(p)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="r-deliverable" label="Deliverable" error={errors.deliverableType}>
          <NativeSelect name="deliverableType" defaultValue={card?.deliverableType ?? "INSTAGRAM_POST"}>
            {DELIVERABLE_TYPES.map((d) => (
              <option key={d} value={d}>
                {titleCase(d)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="r-fee" label="Fee" error={errors.fee} hint="e.g. 1200.00">
          <Input name="fee" inputMode="decimal" defaultValue={card?.fee ?? ""} autoFocus />
        </FormField>
        <FormField id="r-currency" label="Currency" error={errors.currency}>
          <NativeSelect name="currency" defaultValue={card?.currency ?? "EUR"}>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
    </FormDialog>
  );
}

/** Fees per platform and deliverable type. */
export function RateCardsPanel({
  influencerId,
  cards,
  editable,
}: {
  influencerId: string;
  cards: RateCardView[];
  editable: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<RateCardView | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const remove = (card: RateCardView) => {
    if (!window.confirm(`Remove the ${titleCase(card.deliverableType)} fee?`)) return;
    startTransition(async () => {
      const result = await removeRateCardAction({ influencerId, rateCardId: card.id });
      setError(result.ok ? null : result.error.message);
      router.refresh();
    });
  };
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle>Rate card</CardTitle>
        {editable ? (
          <Button size="sm" onClick={() => setAdding(true)}>
            Add fee
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {error ? (
          <p role="alert" className="mb-2 text-sm text-destructive">
            {error}
          </p>
        ) : null}
        {cards.length === 0 ? (
          <p className="text-sm text-muted-foreground">No fees yet.</p>
        ) : (
          <ul className="divide-y" aria-label="Rate card">
            {cards.map((card) => (
              <li key={card.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  {titleCase(card.platform)} · {titleCase(card.deliverableType)}
                </span>
                <span className="flex items-center gap-1">
                  <span className="font-medium tabular-nums">
                    {card.fee} {card.currency}
                  </span>
                  {editable ? (
                    <>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setEditing(card)}
                        aria-label={`Edit ${titleCase(card.deliverableType)} fee`}
                      >
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => remove(card)}
                        disabled={pending}
                        aria-label={`Remove ${titleCase(card.deliverableType)} fee`}
                      >
                        Remove
                      </Button>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      {editable ? (
        <>
          <RateCardDialog
            key={adding ? "new-open" : "new"}
            influencerId={influencerId}
            card={null}
            open={adding}
            onClose={() => setAdding(false)}
          />
          <RateCardDialog
            key={editing?.id ?? "none"}
            influencerId={influencerId}
            card={editing}
            open={editing !== null}
            onClose={() => setEditing(null)}
          />
        </>
      ) : null}
    </Card>
  );
}
