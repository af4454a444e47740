import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";

export function NewClientButton({ ctx }: { ctx: AuthContext }) {
  if (!can(ctx, "client.create")) return null;
  return (
    <Button asChild>
      <Link href="/agency/clients/new">New client</Link>
    </Button>
  );
}
