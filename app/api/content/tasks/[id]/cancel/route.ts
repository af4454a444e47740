// POST /api/content/tasks/:id/cancel — cancel an open task ({ reason })
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { cancelContentTask } from "@/lib/domain/content/cancel-content-task";

export const POST = withAuth(async (request, { ctx, params }) => Response.json({ data: await cancelContentTask(ctx, params.id, await readJson(request)) }), { permission: "content.manage" });
