import { notFound, redirect } from "next/navigation";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getContentTask } from "@/lib/domain/content/get-content-task";

// /client/content/:taskId (the content domain's link for a client) opens the review of that task's content
// addressed to the caller: the one awaiting their decision, else the latest one.
export default async function ClientContentTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const ctx = await requirePortal("client");
  await requirePagePermission(ctx, "content.read");
  const detail = await orNotFound(getContentTask(ctx, (await params).taskId));
  const items = detail.artifacts.flatMap((g) =>
    g.versions.flatMap((v) => v.approvals.map((a) => ({ ...a, createdAt: v.createdAt }))),
  );
  const target =
    items.find((a) => a.canDecide) ?? items.sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt))[0];
  if (!target) notFound();
  redirect(`/client/approvals/${target.id}`);
}
