import "server-only";
import { Readable } from "node:stream";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { getStorage } from "@/lib/storage";
import { parseRange } from "@/lib/storage/multipart";
import { idSchema } from "@/lib/domain/id";
import { artifactScope } from "./scope";

/**
 * The file of an artifact version for a caller who may see it (staff of the campaign, the task's influencer,
 * a client it was sent to), answered with range support (206/416, Accept-Ranges, Content-Range) so that a
 * video can seek. Never a public path: everything goes through this check.
 */
export async function artifactFileResponse(
  ctx: AuthContext,
  artifactId: string,
  rangeHeader: string | null,
  download = false,
): Promise<Response> {
  if (!idSchema.safeParse(artifactId).success) throw notFound("File");
  const artifact = await db.contentArtifact.findFirst({
    where: { AND: [await artifactScope(ctx), { id: artifactId }] },
    select: { fileHash: true, fileName: true, mimeType: true, version: true, artifactType: true },
  });
  if (!artifact?.fileHash) throw notFound("File");
  const storage = getStorage();
  const stat = await storage.stat(artifact.fileHash);
  if (!stat) throw notFound("File");
  const name = (artifact.fileName ?? `${artifact.artifactType.toLowerCase()}-v${artifact.version}`).replace(
    /["\\\r\n]/g,
    "_",
  );
  const headers: Record<string, string> = {
    "Accept-Ranges": "bytes",
    "Content-Type": artifact.mimeType ?? "application/octet-stream",
    "Content-Disposition": `${download ? "attachment" : "inline"}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    "Cache-Control": "private, max-age=3600",
    ETag: `"${artifact.fileHash}"`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy":
      "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  };
  const range = parseRange(rangeHeader, stat.size);
  if (range === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "Content-Range": `bytes */${stat.size}`, "Content-Length": "0" },
    });
  }
  const stream = await storage.open(artifact.fileHash, range ?? undefined);
  const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
  if (range) {
    return new Response(body, {
      status: 206,
      headers: {
        ...headers,
        "Content-Range": `bytes ${range.start}-${range.end}/${stat.size}`,
        "Content-Length": String(range.end - range.start + 1),
      },
    });
  }
  return new Response(body, { status: 200, headers: { ...headers, "Content-Length": String(stat.size) } });
}
