"use client";

import { Button } from "@/components/ui/button";

// An unexpected error: a generic message, never the stack (the server logged it).
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">The error has been logged. Try again, or come back in a moment.</p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
