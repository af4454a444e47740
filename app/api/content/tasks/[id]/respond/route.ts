// POST /api/content/tasks/:id/respond — the influencer accepts or declines an offered task ({ accept, reason? })
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { respondToTask } from "@/lib/domain/content/respond-to-task";

export const POST = withAuth(async (request, { ctx, params }) => Response.json({ data: await respondToTask(ctx, params.id, await readJson(request)) }), { permission: "creator.self" });
