// PATCH /api/creator/tasks/:id/complete — the influencer reports approved content as published ({ publishedUrl, publishedAt? })
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { completeCreatorTask } from "@/lib/domain/content/complete-creator-task";

export const PATCH = withAuth(async (request, { ctx, params }) => Response.json({ data: await completeCreatorTask(ctx, params.id, await readJson(request)) }), { permission: "creator.self" });
