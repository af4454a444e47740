// GET /api/finance/objects/:id/pdf — an issued client invoice as PDF (client users: their own client's); audited
import { withAuth } from "@/lib/api/with-auth";
import { renderInvoicePdf } from "@/lib/domain/finance/render-invoice-pdf";
import { apiRoute } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => {
    const { filename, bytes } = await renderInvoicePdf(ctx, params.id);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "finance.read" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false, responseLimit: false } };
