// POST /api/influencers/import/preview — validate a CSV file row by row; writes nothing
import { readCsvBody } from "@/lib/api/read-csv-body";
import { withAuth } from "@/lib/api/with-auth";
import { previewInfluencerImport, readImportFile } from "@/lib/domain/influencers/import-influencers";
import { apiRoute, json } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx }) =>
    json({ data: await previewInfluencerImport(ctx, readImportFile(await readCsvBody(request))) }),
  { permission: "influencer.manage" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
