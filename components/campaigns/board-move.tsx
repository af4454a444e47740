"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/domain/campaigns/status-machine";
import { transitionCampaignAction } from "@/lib/actions/campaigns";

/** A board card's "Move to…" control: the machine's next states; a refused move shows its reason. */
export function BoardMove({
  campaignId,
  name,
  options,
}: {
  campaignId: string;
  name: string;
  options: CampaignStatus[];
}) {
  const router = useRouter();
  const id = useId();
  const [to, setTo] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (options.length === 0) return null;

  function move() {
    if (!to) {
      setError("Choose a status first");
      return;
    }
    startTransition(async () => {
      const result = await transitionCampaignAction({ id: campaignId, to: to as CampaignStatus });
      if (result.ok) {
        setError(null);
        setTo("");
        router.refresh();
      } else setError(result.error.message);
    });
  }

  return (
    <div className="grid gap-1.5">
      <div className="flex gap-1.5">
        <label htmlFor={id} className="sr-only">
          Move {name} to
        </label>
        <NativeSelect
          id={id}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          className="h-8 text-xs"
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <option value="">Move to…</option>
          {options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </NativeSelect>
        <Button type="button" size="sm" variant="outline" onClick={move} disabled={pending}>
          {pending ? "Moving…" : "Move"}
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
