import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-sm font-medium text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted-foreground">This page does not exist, or it is not yours to see.</p>
      <Button asChild>
        <Link href="/">Back to my portal</Link>
      </Button>
    </main>
  );
}
