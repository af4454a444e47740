"use client";

import { Button } from "@/components/ui/button";

export function PortalError({ reset }: { reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-destructive/30 bg-destructive/5 p-6">
      <h2 className="font-semibold">This page could not be loaded</h2>
      <p className="mt-1 text-sm text-muted-foreground">The error has been logged. Try again in a moment.</p>
      <Button className="mt-4" variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
