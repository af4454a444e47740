"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/actions/notifications";

export function MarkReadButton({ ids, all, label }: { ids?: string[]; all?: boolean; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await markNotificationsReadAction(all ? { all: true } : { ids: ids ?? [] });
          if (result.ok) router.refresh();
        })
      }
    >
      {pending ? "…" : label}
    </Button>
  );
}
