import { StatCard } from "@/components/shell/stat-card";
import type { getClientStats } from "@/lib/domain/clients/get-client-stats";

export function ClientStatCards({
  stats,
  basePath,
}: {
  stats: Awaited<ReturnType<typeof getClientStats>>;
  basePath: string;
}) {
  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
      <StatCard label="Active clients" value={stats.active} href={`${basePath}?status=ACTIVE`} />
      <StatCard label="Prospects" value={stats.prospect} href={`${basePath}?status=PROSPECT`} />
      <StatCard label="Inactive" value={stats.inactive} href={`${basePath}?status=INACTIVE`} />
      <StatCard label="Archived" value={stats.archived} href={`${basePath}?archived=archived`} />
    </div>
  );
}
