import { Badge } from "@/components/ui/badge";

export function InfluencerStatusBadge({ status }: { status: string }) {
  const variant = status === "ACTIVE" ? "success" : status === "BLOCKED" ? "destructive" : "secondary";
  return <Badge variant={variant}>{status.charAt(0) + status.slice(1).toLowerCase()}</Badge>;
}

export function ProfileTypeBadge({ profileType }: { profileType: string }) {
  return <Badge variant="outline">{profileType === "FULL" ? "Full" : "Stub"}</Badge>;
}
