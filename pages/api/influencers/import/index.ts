// POST /api/influencers/import — write every valid row of a CSV file, each row in its own transaction
import { readCsvBody } from "@/lib/api/read-csv-body";
import { withAuth } from "@/lib/api/with-auth";
import { commitInfluencerImport, readImportFile } from "@/lib/domain/influencers/import-influencers";
import { apiRoute, json } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx }) =>
    json({ data: await commitInfluencerImport(ctx, readImportFile(await readCsvBody(request))) }),
  { permission: "influencer.manage" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
