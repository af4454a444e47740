"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { setClientArchivedAction } from "@/lib/actions/clients";

export function ArchiveButton({ clientId, name, archived }: { clientId: string; name: string; archived: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const result = await setClientArchivedAction({ id: clientId, archived: !archived });
      if (!result.ok) return setError(result.error.message);
      setOpen(false);
      router.refresh();
    });
  if (archived) {
    return (
      <Button variant="outline" onClick={run} disabled={pending}>
        {pending ? "Restoring…" : "Restore"}
      </Button>
    );
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">Archive</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Archive {name}?</DialogTitle>
          <DialogDescription>
            The client leaves the default lists but keeps its contacts and history. You can restore it at any time.
          </DialogDescription>
        </DialogHeader>
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button variant="destructive" onClick={run} disabled={pending}>
            {pending ? "Archiving…" : "Archive client"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
