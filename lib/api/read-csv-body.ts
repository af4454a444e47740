import "server-only";
import { isJsonContentType, readJson, type ApiRequest } from "@/lib/api/http";
import { AppError } from "@/lib/errors";
import { IMPORT_MAX_BYTES } from "@/lib/domain/influencers/import-csv";

/** A CSV upload: the raw body (text/csv) or JSON `{ "csv": "…" }` (any other type: 415), refused early when too large. */
export async function readCsvBody(request: ApiRequest): Promise<string> {
  const tooLarge = `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB: split it into smaller files`;
  if (Number(request.headers.get("content-length") ?? 0) > IMPORT_MAX_BYTES + 1024)
    throw new AppError("VALIDATION_FAILED", tooLarge, { fields: { file: tooLarge } });
  const type = request.headers.get("content-type");
  if (!isJsonContentType(type) && type?.split(";")[0].trim().toLowerCase() !== "text/csv") {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      'Send the file as text/csv, or as JSON { "csv": "…" } with Content-Type: application/json',
    );
  }
  if (isJsonContentType(type)) {
    const body = await readJson(request);
    const csv = (body as { csv?: unknown } | null)?.csv;
    if (typeof csv !== "string")
      throw new AppError("VALIDATION_FAILED", "Send the CSV text as `csv`", { fields: { csv: "Send the CSV text" } });
    return csv;
  }
  return request.text();
}
