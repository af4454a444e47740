import { Badge } from "@/components/ui/badge";

const VARIANT = { ACTIVE: "success", PROSPECT: "secondary", INACTIVE: "outline" } as const;
const LABEL = { ACTIVE: "Active", PROSPECT: "Prospect", INACTIVE: "Inactive" } as const;

export function ClientStatusBadge({ status, archived }: { status: keyof typeof VARIANT; archived?: boolean }) {
  if (archived) return <Badge variant="warning">Archived</Badge>;
  return <Badge variant={VARIANT[status]}>{LABEL[status]}</Badge>;
}
