"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { requestApprovalAction } from "@/lib/actions/approvals";

/** "Send brief to client" / "Send shortlist to client". */
export function RequestApprovalButton({
  campaignId,
  type,
  label,
}: {
  campaignId: string;
  type: "BRIEF" | "SHORTLIST";
  label: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await requestApprovalAction({ campaignId, type });
            if (!result.ok) return setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
            setError(null);
            router.refresh();
          })
        }
      >
        {pending ? "Sending…" : label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-destructive">
          {error}
        </span>
      ) : null}
    </span>
  );
}
