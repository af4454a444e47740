// GET /api/openapi.json — the OpenAPI 3.1 document of the JSON API (public: it describes, it reveals no data)
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(openApiDocument());
}
