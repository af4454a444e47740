// PATCH /api/campaigns/:id/shortlist/:assignmentId — change the proposed fee, deliverable or notes
// DELETE /api/campaigns/:id/shortlist/:assignmentId — take the influencer off the shortlist
import { withAuth } from "@/lib/api/with-auth";
import { removeFromShortlist } from "@/lib/domain/shortlist/remove-from-shortlist";
import { updateShortlistEntry } from "@/lib/domain/shortlist/update-shortlist-entry";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const PATCH = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await updateShortlistEntry(ctx, params.id, params.assignmentId, await readJson(request)) }),
  { permission: "campaign.update" },
);

export const DELETE = withAuth(
  async (_request, { ctx, params }) => json({ data: await removeFromShortlist(ctx, params.id, params.assignmentId) }),
  {
    permission: "campaign.update",
  },
);

export default apiRoute({ PATCH, DELETE });
export const config = { api: { bodyParser: false } };
