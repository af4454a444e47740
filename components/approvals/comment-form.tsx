"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { commentOnApprovalAction, commentOnCampaignApprovalAction } from "@/lib/actions/approvals";

/** Adds a comment. Agency staff may mark it internal (never shown to client users). */
export function CommentForm({
  approvalId,
  campaignId,
  staff,
}: {
  approvalId: string;
  campaignId?: string;
  staff: boolean;
}) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const id = `comment-${approvalId}`;
  return (
    <form
      method="post"
      className="grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (!body.trim()) return setError("Write a comment");
        startTransition(async () => {
          const result =
            staff && campaignId
              ? await commentOnCampaignApprovalAction({ approvalId, campaignId, body, internal })
              : await commentOnApprovalAction({ approvalId, body, internal: false });
          if (!result.ok) return setError(result.error.fields?.body ?? result.error.message);
          setBody("");
          setInternal(false);
          setError(undefined);
          router.refresh();
        });
      }}
    >
      <FormField id={id} label="Add a comment" error={error}>
        <Textarea name="body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
      </FormField>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {staff ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="internal" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
            Internal (agency only)
          </label>
        ) : (
          <span />
        )}
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          {pending ? "Posting…" : "Post comment"}
        </Button>
      </div>
    </form>
  );
}
