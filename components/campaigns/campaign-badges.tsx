import { Badge } from "@/components/ui/badge";
import type { CampaignStatus, RiskLevel } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/domain/campaigns/status-machine";

function statusVariant(status: CampaignStatus) {
  if (status === "CANCELLED") return "destructive" as const;
  if (status === "ON_HOLD" || status === "CLOSED") return "outline" as const;
  if (status.endsWith("_IN_REVIEW") || status.startsWith("CONTENT_IN_")) return "warning" as const;
  if (status.endsWith("_APPROVED") || status === "CONTRACTED" || status === "LIVE") return "success" as const;
  if (status === "DRAFT") return "secondary" as const;
  return "default" as const;
}

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge variant={statusVariant(status)}>{STATUS_LABELS[status]}</Badge>;
}

const RISK = { LOW: "secondary", MEDIUM: "warning", HIGH: "destructive" } as const;

export function RiskBadge({ level }: { level: RiskLevel }) {
  return <Badge variant={RISK[level]}>{level.charAt(0) + level.slice(1).toLowerCase()} risk</Badge>;
}
