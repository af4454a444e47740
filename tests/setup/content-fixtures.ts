import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { db } from "@/lib/db/client";
import { createContentTask } from "@/lib/domain/content/create-content-task";
import { respondToTask } from "@/lib/domain/content/respond-to-task";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { LocalStorage, S3Storage, getStorage } from "@/lib/storage";
import type { FileKind } from "@/lib/storage/file-types";
import { createActor } from "./factories";
import { createApprovalWorld, createCampaignRow, createInfluencerRow } from "./approval-fixtures";

// Rows for the content tests: the approval world (agency, owner CM, director, two clients and their users,
// another agency) plus two influencers with creator accounts, a campaign IN_PRODUCTION with both contracted,
// and a storage folder of its own (TIKIT_DATA_DIR) so that files never land in the developer's .data.

export function setTempDataDir(label: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tikit-${label}-`));
  process.env.TIKIT_DATA_DIR = dir;
  // With TIKIT_STORAGE=s3 (tests/setup/global-setup.ts) the test files share one bucket: a prefix of their own.
  if (process.env.TIKIT_STORAGE === "s3") process.env.S3_PREFIX = `${path.basename(dir)}/`;
  return dir;
}

/** Files left in the storage's tmp folder (a refused upload must leave none). */
export function tmpLeftovers() {
  const tmp = getStorage().tmpDir;
  return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
}

/** Every stored file (not the tmp folder; with the S3 driver, the objects under this file's prefix). */
export async function storedFiles() {
  const storage = getStorage();
  if (storage instanceof S3Storage) {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await storage.client.send(
        new ListObjectsV2Command({
          Bucket: storage.config.bucket,
          Prefix: storage.config.prefix,
          ContinuationToken: token,
        }),
      );
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.NextContinuationToken;
    } while (token);
    return keys;
  }
  if (!(storage instanceof LocalStorage)) throw new Error("storedFiles() knows the local and the S3 driver");
  const root = storage.root;
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((d) => d !== "tmp")
    .flatMap((d) => fs.readdirSync(path.join(root, d)));
}

export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
/** The first bytes of an MP4 (ftyp box, isom brand) and some filler. */
export function mp4Bytes(size = 4096, seed = 0) {
  const buf = Buffer.alloc(size, seed);
  Buffer.from([0, 0, 0, 0x18]).copy(buf, 0);
  buf.write("ftypisom", 4, "latin1");
  for (let i = 12; i < size; i++) buf[i] = (i * 31 + seed) & 0xff;
  return buf;
}
/** A PNG that grows past the 25 MB image limit, 1 MB at a time; `sent()` says how many megabytes were read. */
export function oversizedPng(fill = 7) {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  let sent = 0;
  const source = Readable.from(
    (function* () {
      yield PNG_1X1;
      for (let i = 0; i < 40; i++) {
        sent++;
        yield chunk;
      }
    })(),
  );
  return { source, sent: () => sent };
}

export const PDF_BYTES = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export async function storeBytes(bytes: Buffer, name = "file.bin", accept?: readonly FileKind[]) {
  return getStorage().put(Readable.from([bytes]), { name, accept });
}

export async function createContentWorld(label = "Content", policy: object = {}) {
  const w = await createApprovalWorld(label);
  const [creatorOne, creatorTwo] = await Promise.all([
    createActor(w.agency.id, { role: "INF" }),
    createActor(w.agency.id, { role: "INF" }),
  ]);
  const [profileOne, profileTwo] = await Promise.all([
    createInfluencerRow(w.agency.id, { fee: "900" }),
    createInfluencerRow(w.agency.id, { fee: "500" }),
  ]);
  await db.influencerProfile.update({ where: { id: profileOne.id }, data: { userId: creatorOne.user.id } });
  await db.influencerProfile.update({ where: { id: profileTwo.id }, data: { userId: creatorTwo.user.id } });
  const campaign = await createCampaignRow(w.agency.id, {
    clientId: w.clientOne.id,
    ownerId: w.owner.user.id,
    directorId: w.director.user.id,
    status: "IN_PRODUCTION",
    policy,
  });
  const [assignmentOne, assignmentTwo] = await Promise.all([
    db.campaignInfluencer.create({
      data: {
        agencyId: w.agency.id,
        campaignId: campaign.id,
        influencerId: profileOne.id,
        currency: "EUR",
        agreedFee: "900.00",
        status: "CONTRACTED",
      },
    }),
    db.campaignInfluencer.create({
      data: {
        agencyId: w.agency.id,
        campaignId: campaign.id,
        influencerId: profileTwo.id,
        currency: "EUR",
        agreedFee: "500.00",
        status: "CONTRACTED",
      },
    }),
  ]);
  return { ...w, campaign, creatorOne, creatorTwo, profileOne, profileTwo, assignmentOne, assignmentTwo };
}
export type ContentWorld = Awaited<ReturnType<typeof createContentWorld>>;

/** A task for influencer one (or two), offered and (unless told otherwise) accepted. */
export async function acceptedTask(
  w: ContentWorld,
  options: { required?: string[]; who?: "one" | "two"; accept?: boolean; campaignId?: string; dueInDays?: number } = {},
) {
  const who = options.who ?? "one";
  const task = await createContentTask(w.owner.ctx, {
    campaignId: options.campaignId ?? w.campaign.id,
    assignmentId: who === "one" ? w.assignmentOne.id : w.assignmentTwo.id,
    deliverableType: "INSTAGRAM_REEL",
    title: `Reel ${Math.random().toString(36).slice(2, 7)}`,
    instructions: "Show the serum in your morning routine.",
    dueAt: new Date(Date.now() + (options.dueInDays ?? 7) * 86_400_000).toISOString(),
    requiredArtifacts: options.required ?? ["SCRIPT"],
  });
  if (options.accept !== false)
    await respondToTask(who === "one" ? w.creatorOne.ctx : w.creatorTwo.ctx, task.id, { accept: true });
  return task;
}
