"use client";

import Link from "next/link";
import { PortalError } from "@/components/shell/portal-error";

export default function AccountError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-4 p-4 md:p-6">
      <PortalError reset={reset} />
      <Link href="/" className="text-sm underline underline-offset-4">
        Go to your portal
      </Link>
    </div>
  );
}
