// POST /api/content/artifacts/:id/send-to-client — open the client's approval of an internally approved version
import { withAuth } from "@/lib/auth/with-auth";
import { sendArtifactToClient } from "@/lib/domain/content/send-to-client";

export const POST = withAuth(async (_request, { ctx, params }) => Response.json({ data: await sendArtifactToClient(ctx, params.id) }, { status: 201 }), { permission: "content.review" });
