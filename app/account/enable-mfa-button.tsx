"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ShieldCheckIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { startMfaEnrolmentAction } from "@/lib/actions/auth";

/** Starts TOTP enrolment and opens the set-up page, which brings the user back to /account when done. */
export function EnableMfaButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="grid justify-items-start gap-2">
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            try {
              const result = await startMfaEnrolmentAction({});
              if (!result.ok) {
                setError(result.error.message);
                return;
              }
              const params = new URLSearchParams({ token: result.data.token, callbackUrl: "/account?notice=mfa-on" });
              router.push(`/login/mfa-setup?${params}`);
            } catch {
              setError("Something went wrong. Check your connection and try again.");
            }
          })
        }
      >
        <ShieldCheckIcon aria-hidden />
        {pending ? "Starting…" : "Turn on two-factor authentication"}
      </Button>
      <p aria-live="polite" className="text-sm font-medium text-destructive empty:hidden">
        {error}
      </p>
    </div>
  );
}
