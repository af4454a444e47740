"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { respondToTaskAction } from "@/lib/actions/content";

/** Accept an offered task, or decline it with a reason (required). */
export function RespondToTask({ taskId, title }: { taskId: string; title: string }) {
  const router = useRouter();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const fieldId = `decline-${taskId}`;

  function respond(accept: boolean) {
    if (!accept && !reason.trim()) {
      setError("Tell the agency why you decline");
      document.getElementById(fieldId)?.focus();
      return;
    }
    startTransition(async () => {
      const result = await respondToTaskAction({ taskId, accept, reason: accept ? null : reason.trim() });
      if (!result.ok) {
        setError(result.error.fields?.reason);
        setFormError(result.error.message);
        return;
      }
      setFormError(null);
      router.refresh();
    });
  }

  return (
    <form method="post" className="grid gap-2" aria-label={`Respond to ${title}`} onSubmit={(e) => e.preventDefault()}>
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      {declining ? (
        <FormField id={fieldId} label="Why do you decline? (required)" error={error}>
          <Textarea
            name="reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
          />
        </FormField>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {declining ? (
          <>
            <Button type="button" variant="destructive" disabled={pending} onClick={() => respond(false)}>
              Decline task
            </Button>
            <Button type="button" variant="ghost" disabled={pending} onClick={() => setDeclining(false)}>
              Back
            </Button>
          </>
        ) : (
          <>
            <Button type="button" disabled={pending} onClick={() => respond(true)} aria-label={`Accept ${title}`}>
              {pending ? "Accepting…" : "Accept"}
            </Button>
            <Button
              type="button"
              variant="outline"
              disabled={pending}
              onClick={() => setDeclining(true)}
              aria-label={`Decline ${title}`}
            >
              Decline…
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
