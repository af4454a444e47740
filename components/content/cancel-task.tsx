"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cancelContentTaskAction } from "@/lib/actions/content";

/** Cancels the task (reason required); the influencer is told. */
export function CancelTask({ campaignId, taskId, title }: { campaignId: string; taskId: string; title: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Cancel the task</CardTitle>
      </CardHeader>
      <CardContent>
        {open ? (
          <form
            method="post"
            className="grid gap-2"
            aria-label={`Cancel ${title}`}
            onSubmit={(event) => {
              event.preventDefault();
              if (!reason.trim()) return setError("Say why the task is cancelled");
              startTransition(async () => {
                const result = await cancelContentTaskAction({ campaignId, taskId, reason: reason.trim() });
                if (!result.ok) return setError(result.error.fields?.reason ?? result.error.message);
                router.refresh();
              });
            }}
          >
            <FormField id="cancel-reason" label="Why? (required, shown to the influencer)" error={error}>
              <Textarea
                name="reason"
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={2000}
              />
            </FormField>
            <div className="flex gap-2">
              <Button type="submit" variant="destructive" disabled={pending}>
                Cancel task
              </Button>
              <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                Keep it
              </Button>
            </div>
          </form>
        ) : (
          <Button type="button" variant="outline" onClick={() => setOpen(true)}>
            Cancel task…
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
