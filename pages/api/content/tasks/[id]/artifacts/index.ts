// POST /api/content/tasks/:id/artifacts — upload version n+1 (multipart/form-data: artifactType, text, note, file).
// Streamed: the file goes to the storage as it arrives (hashed, type read from its bytes, size-limited). This
// route is left out of the proxy matcher (proxy.ts) so that Next.js neither buffers nor truncates the body;
// authentication and the security headers are applied here.
import { withAuth } from "@/lib/api/with-auth";
import { ARTIFACT_TYPES } from "@/lib/domain/content/schemas";
import { ACCEPTED_KINDS, assertCanUpload, uploadArtifact } from "@/lib/domain/content/upload-artifact";
import { getStorage } from "@/lib/storage";
import { parseMultipartUpload } from "@/lib/storage/multipart";
import type { FileKind } from "@/lib/storage/file-types";
import { apiRoute, json } from "@/lib/api/http";

function acceptFor(artifactType: string | undefined): readonly FileKind[] {
  return (ARTIFACT_TYPES as readonly string[]).includes(artifactType ?? "")
    ? ACCEPTED_KINDS[artifactType as keyof typeof ACCEPTED_KINDS]
    : ["video", "image", "document"];
}

export const POST = withAuth(
  async (request, { ctx, params }) => {
    await assertCanUpload(ctx, params.id);
    const fromQuery = new URL(request.url).searchParams.get("artifactType") ?? undefined;
    const { fields, file } = await parseMultipartUpload(request, getStorage(), (f) =>
      acceptFor(f.artifactType ?? fromQuery),
    );
    const artifact = await uploadArtifact(ctx, params.id, {
      artifactType: fields.artifactType ?? fromQuery,
      text: fields.text,
      note: fields.note,
      file,
    });
    return json({ data: artifact }, 201, { "Cache-Control": "no-store" });
  },
  { permission: "creator.self" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
