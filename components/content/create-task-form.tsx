"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { DELIVERABLE_TYPES } from "@/lib/domain/enums";
import { createContentTaskAction } from "@/lib/actions/content";
import { ARTIFACT_TYPE_LABELS, type ArtifactTypeName, type ContractedInfluencer } from "./types";

const ARTIFACTS: ArtifactTypeName[] = ["SCRIPT", "DRAFT", "FINAL", "CAPTION", "THUMBNAIL"];
const label = (v: string) => v.charAt(0) + v.slice(1).toLowerCase().replaceAll("_", " ");

/** "New content task": for one contracted influencer; the task is offered to them when it is created. */
export function CreateTaskButton({
  campaignId,
  influencers,
}: {
  campaignId: string;
  influencers: ContractedInfluencer[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm({
    action: createContentTaskAction,
    transform: (values) => ({
      campaignId,
      assignmentId: values.assignmentId,
      deliverableType: values.deliverableType,
      title: values.title,
      instructions: values.instructions || null,
      dueAt: values.dueAt ? new Date(`${String(values.dueAt)}T17:00:00Z`).toISOString() : null,
      requiredArtifacts: ARTIFACTS.filter((a) => values[`artifact-${a}`] === true),
    }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (influencers.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        Contract influencers first: tasks are offered to contracted influencers.
      </p>
    );
  }
  return (
    <>
      <Button onClick={() => setOpen(true)}>New content task</Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="New content task"
        description="The influencer is offered the task with its fee and due date, and accepts or declines it."
        onSubmit={form.submit}
        formError={form.formError}
        pending={form.pending}
        submitLabel="Create and offer"
      >
        <FormField id="task-influencer" label="Influencer" error={form.errors.assignmentId}>
          <NativeSelect name="assignmentId" defaultValue={influencers[0].assignmentId}>
            {influencers.map((i) => (
              <option key={i.assignmentId} value={i.assignmentId}>
                {i.name}
                {i.fee ? ` — ${i.fee}` : ""}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="task-deliverable" label="Deliverable" error={form.errors.deliverableType}>
          <NativeSelect name="deliverableType" defaultValue="INSTAGRAM_REEL">
            {DELIVERABLE_TYPES.map((d) => (
              <option key={d} value={d}>
                {label(d)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="task-title" label="Title" error={form.errors.title}>
          <Input name="title" maxLength={200} required />
        </FormField>
        <FormField id="task-instructions" label="Instructions" error={form.errors.instructions}>
          <Textarea name="instructions" rows={4} maxLength={10000} />
        </FormField>
        <FormField id="task-due" label="Due date" error={form.errors.dueAt}>
          <Input type="date" name="dueAt" />
        </FormField>
        <fieldset className="grid gap-1.5">
          <legend className="mb-1 text-sm font-medium">Required, in this order</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {ARTIFACTS.map((a) => (
              <label key={a} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={`artifact-${a}`}
                  defaultChecked={a === "SCRIPT" || a === "DRAFT" || a === "FINAL"}
                />
                {ARTIFACT_TYPE_LABELS[a]}
              </label>
            ))}
          </div>
          {form.errors.requiredArtifacts ? (
            <p className="text-xs font-medium text-destructive">{form.errors.requiredArtifacts}</p>
          ) : null}
        </fieldset>
      </FormDialog>
    </>
  );
}
