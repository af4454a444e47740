"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { updateContentTaskAction } from "@/lib/actions/content";

type Task = {
  id: string;
  title: string;
  instructions: string | null;
  dueAt: string | null;
  status: string;
  version: number;
};

/**
 * The manager's edits of an open task: title, instructions and due date in a dialog, and "Mark as scheduled"
 * once it is approved. Both carry the version the page was rendered with; a change made meanwhile is refused
 * with "reload" rather than overwritten.
 */
export function EditTask({ campaignId, task }: { campaignId: string; task: Task }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const [scheduling, startScheduling] = useTransition();
  const form = useActionForm({
    action: updateContentTaskAction,
    transform: (values) => ({
      campaignId,
      taskId: task.id,
      version: task.version,
      title: String(values.title ?? ""),
      instructions: String(values.instructions ?? "").trim() || null,
      dueAt: values.dueAt ? new Date(`${String(values.dueAt)}T17:00:00Z`).toISOString() : null,
    }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  function schedule() {
    startScheduling(async () => {
      const result = await updateContentTaskAction({
        campaignId,
        taskId: task.id,
        version: task.version,
        status: "SCHEDULED",
      });
      if (!result.ok) return setScheduleError(result.error.message);
      setScheduleError(null);
      router.refresh();
    });
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Manage the task</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2">
        {scheduleError ? <Alert variant="destructive">{scheduleError}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" onClick={() => setOpen(true)} aria-label={`Edit ${task.title}`}>
            Edit task…
          </Button>
          {task.status === "APPROVED" ? (
            <Button type="button" variant="outline" disabled={scheduling} onClick={schedule}>
              {scheduling ? "Scheduling…" : "Mark as scheduled"}
            </Button>
          ) : null}
        </div>
      </CardContent>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Edit — ${task.title}`}
        description="The influencer sees the new title, instructions and due date at once."
        onSubmit={form.submit}
        formError={form.formError}
        pending={form.pending}
        submitLabel="Save"
      >
        <FormField id={`edit-title-${task.id}`} label="Title" error={form.errors.title}>
          <Input name="title" defaultValue={task.title} maxLength={200} required />
        </FormField>
        <FormField id={`edit-instructions-${task.id}`} label="Instructions" error={form.errors.instructions}>
          <Textarea name="instructions" rows={5} defaultValue={task.instructions ?? ""} maxLength={10_000} />
        </FormField>
        <FormField id={`edit-due-${task.id}`} label="Due date" error={form.errors.dueAt}>
          <Input name="dueAt" type="date" defaultValue={task.dueAt?.slice(0, 10) ?? ""} />
        </FormField>
      </FormDialog>
    </Card>
  );
}
