import type { ApiResult } from "@/lib/api/http";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { getStorage } from "@/lib/storage";
import { createCampaignRow } from "../setup/campaign-factories";

// The authorization matrix rows of content production, spread into TABLE in matrix.test.ts. Each call makes
// its own world: a campaign IN_PRODUCTION of the fixture's client owned by the matrix CM, the matrix INF's
// influencer profile contracted on it, and tasks in the states the rows need (one with a PNG draft approved
// internally and sent to the client, a script pending internal review and a caption approved internally; one
// offered; one approved), as the domain functions leave them (their behaviour is tested in tests/integration).

type Outcome = "allow" | "unauth" | "deny" | "notfound" | "invalid";
type RoleKey = "anon" | "CM" | "DIR" | "FIN" | "ADM" | "CLIENT" | "INF" | "OTHER_AGENCY_CM";
type Fixture = { clientId: string };
type Call<F> = (f: F) => Promise<Outcome>;
type Helpers<F extends Fixture> = {
  route: (
    file: string,
    method: string,
    url: () => string,
    params: () => Record<string, string>,
    body?: () => unknown,
  ) => Call<F>;
  signedIn: (roles: Omit<Record<RoleKey, Outcome>, "anon">) => Record<RoleKey, Outcome>;
  agencyId: () => string;
  cm: () => AuthContext;
  inf: () => AuthContext;
};
type World = {
  campaignId: string;
  assignmentId: string;
  sentTaskId: string;
  draftId: string;
  scriptId: string;
  captionId: string;
  offeredTaskId: string;
  approvedTaskId: string;
};

process.env.TIKIT_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "tikit-matrix-"));
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
let profileId: string | null = null;

let storedPng: Awaited<ReturnType<ReturnType<typeof getStorage>["put"]>> | null = null;

/** Written straight to the database (a handful of statements): each row builds one world per role. */
async function world<F extends Fixture>(h: Helpers<F>, f: F): Promise<World> {
  const agencyId = h.agencyId();
  const cm = h.cm().userId;
  if (!profileId) {
    const existing = await db.influencerProfile.findFirst({ where: { agencyId, userId: h.inf().userId } });
    profileId =
      existing?.id ??
      (await db.influencerProfile.create({ data: { agencyId, displayName: "Matrix Creator", userId: h.inf().userId } }))
        .id;
  }
  storedPng ??= await getStorage().put(Readable.from([PNG]), { name: "matrix.png" });
  const campaign = await createCampaignRow(agencyId, { clientId: f.clientId, ownerId: cm, status: "IN_PRODUCTION" });
  const assignment = await db.campaignInfluencer.create({
    data: {
      agencyId,
      campaignId: campaign.id,
      influencerId: profileId,
      currency: "EUR",
      agreedFee: "700.00",
      status: "CONTRACTED",
    },
  });
  const [sentTaskId, offeredTaskId, approvedTaskId, draftId, captionId, scriptId] = Array.from({ length: 6 }, () =>
    crypto.randomUUID(),
  );
  const task = (
    id: string,
    status: "IN_REVIEW" | "OFFERED" | "APPROVED",
    required: ("DRAFT" | "SCRIPT" | "CAPTION")[],
  ) => ({
    id,
    agencyId,
    campaignId: campaign.id,
    assignmentId: assignment.id,
    influencerId: profileId!,
    deliverableType: "INSTAGRAM_POST" as const,
    title: "Matrix task",
    requiredArtifacts: required,
    status,
    fee: "700.00",
    currency: "EUR",
    offeredAt: new Date(),
    createdById: cm,
  });
  await db.contentTask.createMany({
    data: [
      task(sentTaskId, "IN_REVIEW", ["DRAFT", "SCRIPT", "CAPTION"]),
      task(offeredTaskId, "OFFERED", ["DRAFT"]),
      task(approvedTaskId, "APPROVED", ["DRAFT"]),
    ],
  });
  await db.contentArtifact.createMany({
    data: [
      {
        id: draftId,
        agencyId,
        taskId: sentTaskId,
        artifactType: "DRAFT",
        version: 1,
        fileHash: storedPng.hash,
        fileName: "matrix.png",
        mimeType: storedPng.mime,
        sizeBytes: BigInt(storedPng.size),
        uploadedById: h.inf().userId,
      },
      {
        id: captionId,
        agencyId,
        taskId: sentTaskId,
        artifactType: "CAPTION",
        version: 1,
        text: "Matrix caption",
        uploadedById: h.inf().userId,
      },
      {
        id: scriptId,
        agencyId,
        taskId: sentTaskId,
        artifactType: "SCRIPT",
        version: 1,
        text: "Matrix script",
        uploadedById: h.inf().userId,
      },
    ],
  });
  const item = (subjectId: string, type: "CONTENT" | "SCRIPT", status: "APPROVED" | "PENDING", client = false) => ({
    agencyId,
    campaignId: campaign.id,
    type,
    status,
    subjectType: "ContentArtifact",
    subjectId,
    subjectVersion: 1,
    contentTaskId: sentTaskId,
    ...(client
      ? {
          approverRole: "CLIENT" as const,
          approverScopeType: "CLIENT" as const,
          approverScopeId: f.clientId,
          requestedById: cm,
          expiresAt: new Date(Date.now() + 86_400_000),
        }
      : { approverUserId: cm }),
    ...(status === "APPROVED" ? { decidedById: cm, decidedAt: new Date() } : {}),
  });
  await db.approvalItem.createMany({
    data: [
      item(draftId, "CONTENT", "APPROVED"),
      item(draftId, "CONTENT", "PENDING", true),
      item(captionId, "CONTENT", "APPROVED"),
      item(scriptId, "SCRIPT", "PENDING"),
    ],
  });
  await db.contentReview.createMany({
    data: [draftId, captionId].map((artifactId) => ({
      agencyId,
      taskId: sentTaskId,
      artifactId,
      artifactVersion: 1,
      stage: "INTERNAL" as const,
      outcome: "APPROVED" as const,
      reviewerId: cm,
    })),
  });
  return {
    campaignId: campaign.id,
    assignmentId: assignment.id,
    sentTaskId,
    draftId,
    scriptId,
    captionId,
    offeredTaskId,
    approvedTaskId,
  };
}

function outcomeOfStatus(status: number): Outcome {
  if (status >= 200 && status < 300) return "allow";
  return (
    ({ 400: "invalid", 401: "unauth", 403: "deny", 404: "notfound" } as Record<number, Outcome>)[status] ??
    (`status ${status}` as Outcome)
  );
}

export function contentRows<F extends Fixture>(
  h: Helpers<F>,
): Record<string, { call: Call<F>; expect: Record<RoleKey, Outcome> }> {
  const r =
    (file: string, method: string, url: (w: World) => string, body?: (w: World) => unknown): Call<F> =>
    async (f) => {
      const w = await world(h, f);
      return h.route(
        file,
        method,
        () => url(w),
        () => ({ id: /[0-9a-f-]{36}/.exec(url(w))?.[0] ?? "" }),
        body && (() => body(w)),
      )(f);
    };
  // The upload is multipart, which the matrix's JSON helper does not send: the same call, with a form.
  const upload: Call<F> = async (f) => {
    const w = await world(h, f);
    const mod = (await import(
      /* @vite-ignore */ path.join(process.cwd(), "pages/api/content/tasks/[id]/artifacts/index.ts")
    )) as Record<string, (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<ApiResult>>;
    const form = new FormData();
    form.append("artifactType", "SCRIPT");
    form.append("text", "Matrix script v2");
    const response = await mod.POST(
      new Request(`http://tikit.test/api/content/tasks/${w.sentTaskId}/artifacts`, { method: "POST", body: form }),
      { params: Promise.resolve({ id: w.sentTaskId }) },
    );
    return outcomeOfStatus(response.status);
  };
  const staffRead = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "allow",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const manage = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const everyoneInvolved = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "allow",
    INF: "allow",
    OTHER_AGENCY_CM: "notfound",
  });
  const creatorOnly = h.signedIn({
    CM: "deny",
    DIR: "deny",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "deny",
    INF: "allow",
    OTHER_AGENCY_CM: "deny",
  });
  const csv = (w: World) => ({
    csv: `task_id,published_url,published_at,views\n${w.approvedTaskId},https://instagram.com/p/matrix,2026-11-20,100`,
  });
  return {
    "pages/api/campaigns/[id]/content-tasks/index.ts GET": {
      call: r(
        "pages/api/campaigns/[id]/content-tasks/index.ts",
        "GET",
        (w) => `/api/campaigns/${w.campaignId}/content-tasks`,
      ),
      expect: staffRead,
    },
    "pages/api/campaigns/[id]/content-tasks/index.ts POST": {
      call: r(
        "pages/api/campaigns/[id]/content-tasks/index.ts",
        "POST",
        (w) => `/api/campaigns/${w.campaignId}/content-tasks`,
        (w) => ({
          assignmentId: w.assignmentId,
          deliverableType: "INSTAGRAM_STORY",
          title: "Matrix story",
          requiredArtifacts: ["DRAFT"],
        }),
      ),
      expect: manage,
    },
    "pages/api/campaigns/[id]/content-totals/index.ts GET": {
      call: r(
        "pages/api/campaigns/[id]/content-totals/index.ts",
        "GET",
        (w) => `/api/campaigns/${w.campaignId}/content-totals`,
      ),
      expect: staffRead,
    },
    "pages/api/campaigns/[id]/content-metrics/index.ts POST": {
      call: r(
        "pages/api/campaigns/[id]/content-metrics/index.ts",
        "POST",
        (w) => `/api/campaigns/${w.campaignId}/content-metrics`,
        csv,
      ),
      expect: manage,
    },
    "pages/api/content/tasks/[id]/index.ts GET": {
      call: r("pages/api/content/tasks/[id]/index.ts", "GET", (w) => `/api/content/tasks/${w.sentTaskId}`),
      expect: everyoneInvolved,
    },
    "pages/api/content/tasks/[id]/index.ts PATCH": {
      call: r(
        "pages/api/content/tasks/[id]/index.ts",
        "PATCH",
        (w) => `/api/content/tasks/${w.offeredTaskId}`,
        () => ({ version: 1, title: "Renamed in the matrix" }),
      ),
      expect: manage,
    },
    "pages/api/content/tasks/[id]/respond/index.ts POST": {
      call: r(
        "pages/api/content/tasks/[id]/respond/index.ts",
        "POST",
        (w) => `/api/content/tasks/${w.offeredTaskId}/respond`,
        () => ({ accept: true }),
      ),
      expect: creatorOnly,
    },
    "pages/api/content/tasks/[id]/cancel/index.ts POST": {
      call: r(
        "pages/api/content/tasks/[id]/cancel/index.ts",
        "POST",
        (w) => `/api/content/tasks/${w.offeredTaskId}/cancel`,
        () => ({ reason: "Matrix" }),
      ),
      expect: manage,
    },
    "pages/api/content/tasks/[id]/artifacts/index.ts POST": { call: upload, expect: creatorOnly },
    "pages/api/content/tasks/[id]/compare/index.ts GET": {
      call: r(
        "pages/api/content/tasks/[id]/compare/index.ts",
        "GET",
        (w) => `/api/content/tasks/${w.sentTaskId}/compare?from=${w.draftId}&to=${w.draftId}`,
      ),
      expect: everyoneInvolved,
    },
    "pages/api/content/tasks/[id]/publication/index.ts POST": {
      call: r(
        "pages/api/content/tasks/[id]/publication/index.ts",
        "POST",
        (w) => `/api/content/tasks/${w.approvedTaskId}/publication`,
        () => ({ publishedUrl: "https://instagram.com/p/matrix", publishedAt: "2026-11-20", views: 10 }),
      ),
      expect: manage,
    },
    "pages/api/content/artifacts/[id]/file/index.ts GET": {
      call: r(
        "pages/api/content/artifacts/[id]/file/index.ts",
        "GET",
        (w) => `/api/content/artifacts/${w.draftId}/file`,
      ),
      expect: everyoneInvolved,
    },
    "pages/api/content/artifacts/[id]/review/index.ts POST": {
      // Addressed to the campaign owner: the director sees the item but may not decide it (403).
      call: r(
        "pages/api/content/artifacts/[id]/review/index.ts",
        "POST",
        (w) => `/api/content/artifacts/${w.scriptId}/review`,
        () => ({ decision: "APPROVED" }),
      ),
      expect: h.signedIn({
        CM: "allow",
        DIR: "deny",
        FIN: "deny",
        ADM: "deny",
        CLIENT: "deny",
        INF: "deny",
        OTHER_AGENCY_CM: "notfound",
      }),
    },
    "pages/api/content/artifacts/[id]/send-to-client/index.ts POST": {
      call: r(
        "pages/api/content/artifacts/[id]/send-to-client/index.ts",
        "POST",
        (w) => `/api/content/artifacts/${w.captionId}/send-to-client`,
      ),
      expect: manage,
    },
    "pages/api/content/artifacts/[id]/comments/index.ts POST": {
      call: r(
        "pages/api/content/artifacts/[id]/comments/index.ts",
        "POST",
        (w) => `/api/content/artifacts/${w.draftId}/comments`,
        () => ({ body: "Matrix comment", anchor: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 } }),
      ),
      expect: everyoneInvolved,
    },
    "pages/api/creator/tasks/index.ts GET": {
      call: r("pages/api/creator/tasks/index.ts", "GET", () => "/api/creator/tasks"),
      expect: creatorOnly,
    },
    "pages/api/creator/tasks/[id]/complete/index.ts PATCH": {
      call: r(
        "pages/api/creator/tasks/[id]/complete/index.ts",
        "PATCH",
        (w) => `/api/creator/tasks/${w.approvedTaskId}/complete`,
        () => ({ publishedUrl: "https://instagram.com/p/matrix" }),
      ),
      expect: creatorOnly,
    },
  };
}
