"use client";

import { Button } from "@/components/ui/button";

// An error while rendering a page: an unexpected one, or the database unreachable or timed out (lib/errors.ts
// answers the API with 503 then). In production the browser gets only a digest, never the message or the stack,
// so one generic message serves both; the server logged the error.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">
        The page is temporarily unavailable or could not be loaded. The error has been logged; try again in a moment.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
