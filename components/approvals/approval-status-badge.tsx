import { Badge } from "@/components/ui/badge";
import { APPROVAL_STATUS_LABELS } from "@/lib/domain/approvals/schemas";

const VARIANT: Record<string, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  PENDING: "warning",
  APPROVED: "success",
  APPROVED_WITH_CONDITIONS: "success",
  CHANGES_REQUESTED: "warning",
  REJECTED: "destructive",
  EXPIRED: "outline",
  SUPERSEDED: "outline",
  CANCELLED: "outline",
};

export function ApprovalStatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANT[status] ?? "secondary"}>{APPROVAL_STATUS_LABELS[status] ?? status}</Badge>;
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return new Date(value).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}
