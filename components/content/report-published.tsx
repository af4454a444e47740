"use client";

import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { completeCreatorTaskAction } from "@/lib/actions/content";

/** The influencer reports approved content as published: the post's address and, optionally, the day. */
export function ReportPublished({ taskId, title }: { taskId: string; title: string }) {
  const router = useRouter();
  const form = useActionForm({
    action: completeCreatorTaskAction,
    transform: (values) => ({
      taskId,
      publishedUrl: String(values.publishedUrl ?? "").trim(),
      publishedAt: values.publishedAt ? new Date(`${String(values.publishedAt)}T12:00:00Z`).toISOString() : undefined,
    }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form
      method="post"
      className="grid gap-3"
      aria-label={`Report ${title} as published`}
      onSubmit={form.submit}
      noValidate
    >
      {form.formError ? <Alert variant="destructive">{form.formError}</Alert> : null}
      <FormField id={`published-url-${taskId}`} label="Post URL" error={form.errors.publishedUrl}>
        <Input name="publishedUrl" type="url" inputMode="url" placeholder="https://www.instagram.com/p/…" required />
      </FormField>
      <FormField
        id={`published-at-${taskId}`}
        label="Published on (optional, today if empty)"
        error={form.errors.publishedAt}
      >
        <Input name="publishedAt" type="date" />
      </FormField>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Saving…" : "Report as published"}
      </Button>
    </form>
  );
}
