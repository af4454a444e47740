// POST /api/content/artifacts/:id/send-to-client — open the client's approval of an internally approved version
import { withAuth } from "@/lib/api/with-auth";
import { sendArtifactToClient } from "@/lib/domain/content/send-to-client";
import { apiRoute, json } from "@/lib/api/http";

export const POST = withAuth(
  async (_request, { ctx, params }) => json({ data: await sendArtifactToClient(ctx, params.id) }, 201),
  { permission: "content.review" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
