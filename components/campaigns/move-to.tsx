"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { transitionCampaignAction } from "@/lib/actions/campaigns";

export type MoveOptionView = { to: CampaignStatus; label: string; allowed: boolean; reason: string | null };

/** "Move to…": the allowed next states; blocked ones stay visible, disabled, with the guard's reason. */
export function MoveTo({ campaignId, moves }: { campaignId: string; moves: MoveOptionView[] }) {
  const router = useRouter();
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const blocked = moves.filter((m) => !m.allowed);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!to) return setError("Choose a status to move to");
    startTransition(async () => {
      const result = await transitionCampaignAction({ id: campaignId, to: to as CampaignStatus, reason });
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setTo("");
      setReason("");
      router.refresh();
    });
  }

  if (moves.length === 0)
    return <p className="text-sm text-muted-foreground">This campaign is finished: it cannot move any more.</p>;
  return (
    <form method="post" onSubmit={submit} className="grid gap-3" aria-label="Move campaign">
      {error ? <Alert variant="destructive">{error}</Alert> : null}
      <div className="grid gap-1.5">
        <Label htmlFor="move-to">Move to</Label>
        <NativeSelect
          id="move-to"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          aria-describedby={blocked.length ? "move-blocked" : undefined}
        >
          <option value="">Choose…</option>
          {moves.map((m) => (
            <option key={m.to} value={m.to} disabled={!m.allowed}>
              {m.allowed ? m.label : `${m.label} — ${m.reason}`}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="move-reason">Reason (optional)</Label>
        <Textarea
          id="move-reason"
          rows={2}
          value={reason}
          maxLength={1000}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <Button type="submit" disabled={pending || !to}>
        {pending ? "Moving…" : "Move"}
      </Button>
      {blocked.length ? (
        <div id="move-blocked" className="grid gap-1 text-xs text-muted-foreground">
          <p className="font-medium text-foreground">Not possible now</p>
          <ul className="grid gap-1">
            {blocked.map((m) => (
              <li key={m.to}>
                <span className="font-medium">{m.label}:</span> {m.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
