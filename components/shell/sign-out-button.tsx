"use client";

import { hardNavigate } from "@/components/forms/hard-navigate";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/auth";

export function SignOutButton({ everywhere = false, className }: { everywhere?: boolean; className?: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant={everywhere ? "outline" : "ghost"}
      size="sm"
      className={className}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signOutAction({ everywhere });
          hardNavigate("/login?notice=signed-out");
        })
      }
    >
      {pending ? "Signing out…" : everywhere ? "Sign out everywhere" : "Sign out"}
    </Button>
  );
}
