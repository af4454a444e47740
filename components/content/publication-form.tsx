"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { recordPublicationAction } from "@/lib/actions/content";

export const METRICS = ["views", "reach", "likes", "comments", "shares", "saves", "clicks"] as const;
export type Publication = { publishedUrl: string | null; publishedAt: string | null } & Record<
  (typeof METRICS)[number],
  number | null
>;

const NOT_PUBLISHED: Publication = {
  publishedUrl: null,
  publishedAt: null,
  views: null,
  reach: null,
  likes: null,
  comments: null,
  shares: null,
  saves: null,
  clicks: null,
};

/** Records (or corrects) the published post's URL, date and figures for one task. */
export function PublicationButton({
  campaignId,
  taskId,
  title,
  current = NOT_PUBLISHED,
}: {
  campaignId: string;
  taskId: string;
  title: string;
  /** What was recorded; left out for a post not recorded yet (nothing to send to the browser). */
  current?: Publication;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm({
    action: recordPublicationAction,
    transform: (values) => ({
      campaignId,
      taskId,
      publishedUrl: values.publishedUrl,
      publishedAt: values.publishedAt ? new Date(`${String(values.publishedAt)}T12:00:00Z`).toISOString() : null,
      // formToObject gives the number inputs as numbers (empty → null).
      ...Object.fromEntries(METRICS.map((m) => [m, typeof values[m] === "number" ? values[m] : null])),
    }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  return (
    <>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)} aria-label={`Record publication of ${title}`}>
        {current.publishedUrl ? "Edit figures" : "Record post"}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Published post — ${title}`}
        description="The post's address and its figures; enter them again later to update them."
        onSubmit={form.submit}
        formError={form.formError}
        pending={form.pending}
        submitLabel="Save"
      >
        <FormField id={`pub-url-${taskId}`} label="Post URL" error={form.errors.publishedUrl}>
          <Input name="publishedUrl" type="url" defaultValue={current.publishedUrl ?? ""} />
        </FormField>
        <FormField id={`pub-at-${taskId}`} label="Published on" error={form.errors.publishedAt}>
          <Input name="publishedAt" type="date" defaultValue={current.publishedAt?.slice(0, 10) ?? ""} />
        </FormField>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {METRICS.map((m) => (
            <FormField
              key={m}
              id={`pub-${m}-${taskId}`}
              label={m.charAt(0).toUpperCase() + m.slice(1)}
              error={form.errors[m]}
            >
              <Input name={m} type="number" min={0} step={1} inputMode="numeric" defaultValue={current[m] ?? ""} />
            </FormField>
          ))}
        </div>
      </FormDialog>
    </>
  );
}
