import Link from "next/link";
import { Card, CardContent, CardHeader, CardDescription } from "@/components/ui/card";

export function StatCard({ label, value, href }: { label: string; value: React.ReactNode; href?: string }) {
  const body = (
    <Card className="h-full transition-colors hover:bg-muted/40">
      <CardHeader className="pb-1">
        <CardDescription>{label}</CardDescription>
      </CardHeader>
      <CardContent>
        <p className="text-3xl font-semibold tabular-nums">{value}</p>
      </CardContent>
    </Card>
  );
  return href ? (
    <Link
      href={href}
      className="rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
    >
      {body}
    </Link>
  ) : (
    body
  );
}
