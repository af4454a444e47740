import { Badge } from "@/components/ui/badge";
import { TASK_STATUS_LABELS } from "./types";

const VARIANT: Record<string, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  OFFERED: "outline",
  ACCEPTED: "secondary",
  IN_PROGRESS: "secondary",
  SUBMITTED: "warning",
  IN_REVIEW: "warning",
  CHANGES_REQUESTED: "destructive",
  APPROVED: "success",
  SCHEDULED: "success",
  PUBLISHED: "success",
  DECLINED: "outline",
  CANCELLED: "outline",
};

export function TaskStatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANT[status] ?? "outline"}>{TASK_STATUS_LABELS[status] ?? status}</Badge>;
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  return overdue ? <Badge variant="destructive">Overdue</Badge> : null;
}
