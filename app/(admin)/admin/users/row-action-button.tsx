"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action";

/**
 * A button in a table row that runs one server action, with an optional confirm step (for things that
 * cannot be undone). The outcome is announced next to the button; the page refreshes via revalidation.
 */
export function RowActionButton<I, T>({
  action,
  input,
  label,
  pendingLabel,
  confirmLabel,
  accessibleLabel,
  variant = "outline",
}: {
  action: (input: I) => Promise<ActionResult<T>>;
  input: I;
  label: string;
  pendingLabel: string;
  /** When set, the first press asks again with this label before running the action. */
  confirmLabel?: string;
  /** Names the row for screen readers, e.g. "Revoke the invitation of ann@example.com". */
  accessibleLabel?: string;
  variant?: "outline" | "destructive" | "ghost";
}) {
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function run() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await action(input);
        if (!result.ok) setError(result.error.message);
      } catch {
        setError("Something went wrong. Check your connection and try again.");
      }
      setConfirming(false);
    });
  }

  return (
    <div className="flex flex-col items-start gap-1">
      {confirming ? (
        <div className="flex flex-wrap gap-2" role="group" aria-label={accessibleLabel ?? label}>
          <Button ref={confirmRef} type="button" size="sm" variant="destructive" disabled={pending} onClick={run}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={pending}
            onClick={() => {
              setConfirming(false);
              setTimeout(() => triggerRef.current?.focus(), 0);
            }}
          >
            Cancel
          </Button>
        </div>
      ) : (
        <Button
          ref={triggerRef}
          type="button"
          size="sm"
          variant={variant}
          disabled={pending}
          aria-label={accessibleLabel}
          onClick={() => (confirmLabel ? setConfirming(true) : run())}
        >
          {pending ? pendingLabel : label}
        </Button>
      )}
      <p aria-live="polite" className="text-xs font-medium text-destructive empty:hidden">
        {error}
      </p>
    </div>
  );
}
