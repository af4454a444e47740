"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { useActionForm, type SchemaLoader } from "@/components/forms/use-action-form";
import { PLATFORMS } from "@/lib/domain/enums";
import { createStubAction } from "@/lib/actions/influencers";
import { titleCase } from "./format";

// The schemas (and zod) load after the page, not in its first-load JavaScript (components/forms/use-action-form.ts).
const createStubSchema: SchemaLoader = () => import("@/lib/domain/influencers/schemas").then((m) => m.createStubSchema);

/** A STUB in seconds: a name and one handle. */
export function QuickAddDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { errors, formError, pending, submit } = useActionForm({
    schema: createStubSchema,
    action: createStubAction,
    onSuccess: (result) => {
      setOpen(false);
      router.push(`/agency/influencers/${result.id}`);
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Quick add</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Quick add an influencer</DialogTitle>
          <DialogDescription>
            A stub needs only a name and one handle; promote it to a full profile later.
          </DialogDescription>
        </DialogHeader>
        <form method="post" onSubmit={submit} noValidate className="grid gap-4">
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField id="stub-name" label="Display name" error={errors.displayName}>
            <Input name="displayName" autoFocus required maxLength={120} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
            <FormField id="stub-platform" label="Platform" error={errors.platform}>
              <NativeSelect name="platform" defaultValue="INSTAGRAM">
                {PLATFORMS.map((p) => (
                  <option key={p} value={p}>
                    {titleCase(p)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id="stub-handle" label="Handle" error={errors.handle} hint="With or without @">
              <Input name="handle" required autoComplete="off" />
            </FormField>
          </div>
          <FormField id="stub-followers" label="Followers (optional)" error={errors.followers}>
            <Input name="followers" type="number" min={0} inputMode="numeric" />
          </FormField>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Adding…" : "Add stub"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
