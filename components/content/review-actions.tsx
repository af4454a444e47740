"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { reviewArtifactAction, sendArtifactToClientAction } from "@/lib/actions/content";

type Decision = "APPROVED" | "CHANGES_REQUESTED";

/**
 * The agency's internal review of one version: request changes (what to change is required) or approve;
 * then, when the campaign's policy has the client approve content, send the approved version to the client.
 */
export function ReviewActions({
  campaignId,
  taskId,
  artifactId,
  version,
  canReview,
  canSend,
  sendHint,
}: {
  campaignId: string;
  taskId: string;
  artifactId: string;
  version: number;
  canReview: boolean;
  canSend: boolean;
  /** Why "Send to client" is not offered (e.g. the policy does not ask the client), shown as a hint. */
  sendHint: string | null;
}) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function decide(decision: Decision) {
    if (decision === "CHANGES_REQUESTED" && !note.trim()) {
      setError("Say what should change");
      document.getElementById("review-note")?.focus();
      return;
    }
    startTransition(async () => {
      const result = await reviewArtifactAction({
        campaignId,
        taskId,
        artifactId,
        review: { decision, note: note.trim() || null, conditions: null },
      });
      if (!result.ok) {
        setError(result.error.fields?.["review.note"] ?? result.error.fields?.note);
        setFormError(result.error.message);
        return;
      }
      setNote("");
      setError(undefined);
      setFormError(null);
      router.refresh();
    });
  }

  function sendToClient() {
    startTransition(async () => {
      const result = await sendArtifactToClientAction({ campaignId, taskId, artifactId });
      if (!result.ok) return setFormError(result.error.message);
      setFormError(null);
      router.refresh();
    });
  }

  if (!canReview && !canSend) return sendHint ? <p className="text-sm text-muted-foreground">{sendHint}</p> : null;
  return (
    <div className="grid gap-3">
      {formError ? <Alert variant="destructive">{formError}</Alert> : null}
      {canReview ? (
        <form
          method="post"
          className="grid gap-3"
          aria-label={`Review version ${version}`}
          onSubmit={(e) => e.preventDefault()}
        >
          <FormField id="review-note" label="Review note (required to request changes)" error={error}>
            <Textarea name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} />
          </FormField>
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="outline" disabled={pending} onClick={() => decide("CHANGES_REQUESTED")}>
              Request changes
            </Button>
            <Button type="button" disabled={pending} onClick={() => decide("APPROVED")}>
              Approve internally
            </Button>
          </div>
        </form>
      ) : null}
      {canSend ? (
        <Button type="button" disabled={pending} onClick={sendToClient}>
          {pending ? "Sending…" : `Send v${version} to client`}
        </Button>
      ) : sendHint ? (
        <p className="text-sm text-muted-foreground">{sendHint}</p>
      ) : null}
    </div>
  );
}
