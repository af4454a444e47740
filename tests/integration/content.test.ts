import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { loadCampaignFacts } from "@/lib/domain/campaigns/load-campaign-facts";
import { checkTransition } from "@/lib/domain/campaigns/status-machine";
import { transitionCampaign } from "@/lib/domain/campaigns/transition-campaign";
import { cancelContentTask } from "@/lib/domain/content/cancel-content-task";
import { commentOnArtifact } from "@/lib/domain/content/comment-on-artifact";
import { compareArtifacts } from "@/lib/domain/content/compare-artifacts";
import { getCampaignContentTotals } from "@/lib/domain/content/content-totals";
import { createContentTask } from "@/lib/domain/content/create-content-task";
import { getContentTask } from "@/lib/domain/content/get-content-task";
import { importMetricsCsv } from "@/lib/domain/content/import-metrics";
import { getCampaignContentBoard, listCampaignTasks } from "@/lib/domain/content/list-campaign-tasks";
import { listCreatorTasks } from "@/lib/domain/content/list-creator-tasks";
import { recordPublication } from "@/lib/domain/content/record-publication";
import { respondToTask } from "@/lib/domain/content/respond-to-task";
import { reviewArtifact } from "@/lib/domain/content/review-artifact";
import { sendArtifactToClient } from "@/lib/domain/content/send-to-client";
import { uploadArtifact } from "@/lib/domain/content/upload-artifact";
import { getStorage } from "@/lib/storage";
import { expectAppError } from "../setup/factories";
import {
  acceptedTask,
  createContentWorld,
  mp4Bytes,
  oversizedPng,
  PDF_BYTES,
  PNG_1X1,
  storeBytes,
  storedFiles,
  tmpLeftovers,
  setTempDataDir,
  type ContentWorld,
} from "../setup/content-fixtures";

// Content production against the real database: the task lifecycle, append-only versions under concurrency,
// supersede, the decision on an exact version, the two review stages, what each viewer sees, storage rules.

setTempDataDir("content-it");
let w: ContentWorld;

beforeAll(async () => {
  w = await createContentWorld("ContentIT");
});

const script = (taskId: string, text: string) =>
  uploadArtifact(w.creatorOne.ctx, taskId, { artifactType: "SCRIPT", text });
const taskStatus = async (id: string) => (await db.contentTask.findUniqueOrThrow({ where: { id } })).status;

describe("task lifecycle", () => {
  it("offers a task with the assignment's fee, notifies the influencer, and takes an accept or a reasoned decline", async () => {
    const task = await acceptedTask(w, { accept: false });
    expect(task).toMatchObject({ status: "OFFERED", currency: "EUR", requiredArtifacts: ["SCRIPT"] });
    expect(task.fee?.toFixed(2)).toBe("900.00");
    expect(
      await db.notification.count({ where: { userId: w.creatorOne.user.id, type: "content.offered" } }),
    ).toBeGreaterThan(0);
    const refused = await expectAppError(
      respondToTask(w.creatorOne.ctx, task.id, { accept: false }),
      "VALIDATION_FAILED",
    );
    expect(refused.fields?.reason).toBeTruthy();
    expect(await taskStatus(task.id)).toBe("OFFERED");
    await expectAppError(
      uploadArtifact(w.creatorOne.ctx, task.id, { artifactType: "SCRIPT", text: "too early" }),
      "CONFLICT",
    );
    const declined = await respondToTask(w.creatorOne.ctx, task.id, { accept: false, reason: "Travelling that week" });
    expect(declined).toMatchObject({ status: "DECLINED", declineReason: "Travelling that week" });
    await expectAppError(respondToTask(w.creatorOne.ctx, task.id, { accept: true }), "CONFLICT");
  });

  it("refuses tasks for influencers who are not contracted, and in campaigns not in production", async () => {
    const shortlisted = await db.campaignInfluencer.create({
      data: {
        agencyId: w.agency.id,
        campaignId: w.campaign.id,
        influencerId: (
          await db.influencerProfile.create({ data: { agencyId: w.agency.id, displayName: "Not contracted" } })
        ).id,
        currency: "EUR",
      },
    });
    const error = await expectAppError(
      createContentTask(w.owner.ctx, {
        campaignId: w.campaign.id,
        assignmentId: shortlisted.id,
        deliverableType: "INSTAGRAM_POST",
        title: "X",
        requiredArtifacts: ["DRAFT"],
      }),
      "VALIDATION_FAILED",
    );
    expect(error.fields?.assignmentId).toBe("Not contracted yet");
    await expectAppError(
      createContentTask(w.owner.ctx, {
        campaignId: w.campaign.id,
        assignmentId: w.assignmentOne.id,
        deliverableType: "INSTAGRAM_POST",
        title: "X",
        requiredArtifacts: [],
      }),
      "VALIDATION_FAILED",
    );
    // Another agency's manager does not see the campaign.
    await expectAppError(
      createContentTask(w.foreign.ctx, {
        campaignId: w.campaign.id,
        assignmentId: w.assignmentOne.id,
        deliverableType: "INSTAGRAM_POST",
        title: "X",
        requiredArtifacts: ["DRAFT"],
      }),
      "NOT_FOUND",
    );
  });

  it("goes SUBMITTED → CHANGES_REQUESTED → SUBMITTED → (internal ok, waits) → IN_REVIEW → APPROVED, one ContentReview per decision", async () => {
    const task = await acceptedTask(w);
    const v1 = await script(task.id, "Hook: morning light.\nShow the serum.\nCall to action.");
    expect(v1).toMatchObject({ version: 1, artifactType: "SCRIPT" });
    expect(await taskStatus(task.id)).toBe("SUBMITTED");
    const internal = await db.approvalItem.findUniqueOrThrow({ where: { id: v1.approvalId } });
    expect(internal).toMatchObject({
      type: "SCRIPT",
      subjectType: "ContentArtifact",
      subjectId: v1.id,
      subjectVersion: 1,
      approverUserId: w.owner.user.id,
      contentTaskId: task.id,
      status: "PENDING",
    });
    // Only the owner decides the internal review; a changes request needs a note.
    await expectAppError(reviewArtifact(w.director.ctx, v1.id, { decision: "APPROVED" }), "FORBIDDEN");
    await expectAppError(reviewArtifact(w.owner.ctx, v1.id, { decision: "CHANGES_REQUESTED" }), "VALIDATION_FAILED");
    await reviewArtifact(w.owner.ctx, v1.id, { decision: "CHANGES_REQUESTED", note: "Shorter hook" });
    expect(await taskStatus(task.id)).toBe("CHANGES_REQUESTED");
    expect(
      await db.notification.count({ where: { userId: w.creatorOne.user.id, type: "content.reviewed" } }),
    ).toBeGreaterThan(0);

    const v2 = await script(task.id, "Hook: light.\nShow the serum.\nCall to action.");
    expect(v2.version).toBe(2);
    await expectAppError(sendArtifactToClient(w.owner.ctx, v2.id), "CONFLICT"); // not approved internally yet
    const decided = await reviewArtifact(w.owner.ctx, v2.id, { decision: "APPROVED" });
    expect(decided).toMatchObject({ status: "APPROVED", subjectVersion: 2 });
    expect(await taskStatus(task.id)).toBe("SUBMITTED"); // the client approves content: waits for "send to client"

    const sent = await sendArtifactToClient(w.owner.ctx, v2.id);
    expect(sent).toMatchObject({
      approverRole: "CLIENT",
      approverScopeId: w.clientOne.id,
      subjectVersion: 2,
      type: "SCRIPT",
    });
    expect(await taskStatus(task.id)).toBe("IN_REVIEW");
    await expectAppError(sendArtifactToClient(w.owner.ctx, v2.id), "CONFLICT");
    const clientDecision = await decideApproval(w.clientUser.ctx, sent.id, {
      decision: "APPROVED_WITH_CONDITIONS",
      conditions: "Add #ad",
    });
    expect(clientDecision.status).toBe("APPROVED_WITH_CONDITIONS");
    const done = await db.contentTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(done.status).toBe("APPROVED");
    expect(done.approvedAt).not.toBeNull();

    const reviews = await db.contentReview.findMany({ where: { taskId: task.id }, orderBy: { createdAt: "asc" } });
    expect(reviews.map((r) => [r.artifactVersion, r.stage, r.outcome])).toEqual([
      [1, "INTERNAL", "CHANGES_REQUESTED"],
      [2, "INTERNAL", "APPROVED"],
      [2, "CLIENT", "APPROVED_WITH_CONDITIONS"],
    ]);
    expect(reviews[2]).toMatchObject({ approvalId: sent.id, conditions: "Add #ad", reviewerId: w.clientUser.user.id });
  });

  it("with several required types moves to IN_PROGRESS until the last one is approved; without client review the internal approval completes", async () => {
    const w2 = await createContentWorld("ContentNoClient", { clientApprovesContent: false });
    const task = await acceptedTask(w2, { required: ["SCRIPT", "DRAFT"] });
    const s1 = await uploadArtifact(w2.creatorOne.ctx, task.id, { artifactType: "SCRIPT", text: "Script" });
    await reviewArtifact(w2.owner.ctx, s1.id, { decision: "APPROVED" });
    expect(await taskStatus(task.id)).toBe("IN_PROGRESS");
    await expectAppError(sendArtifactToClient(w2.owner.ctx, s1.id), "CONFLICT");
    const listed = await listCreatorTasks(w2.creatorOne.ctx);
    expect(listed.items.find((t) => t.id === task.id)?.nextStep).toEqual({
      text: "Upload the draft",
      artifactType: "DRAFT",
    });
    const file = await storeBytes(mp4Bytes(8192, 3), "draft.mp4");
    const d1 = await uploadArtifact(w2.creatorOne.ctx, task.id, { artifactType: "DRAFT", file });
    expect(d1).toMatchObject({ version: 1, mimeType: "video/mp4", sizeBytes: 8192, fileHash: file.hash });
    await reviewArtifact(w2.owner.ctx, d1.id, { decision: "APPROVED" });
    expect(await taskStatus(task.id)).toBe("APPROVED");
  });

  it("cancels an open task and its pending reviews; a cancelled task takes no decision", async () => {
    const task = await acceptedTask(w);
    const v1 = await script(task.id, "To be cancelled");
    await expectAppError(cancelContentTask(w.owner.ctx, task.id, {}), "VALIDATION_FAILED");
    await cancelContentTask(w.owner.ctx, task.id, { reason: "Brief changed" });
    expect(await taskStatus(task.id)).toBe("CANCELLED");
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: v1.approvalId } })).status).toBe("CANCELLED");
    await expectAppError(reviewArtifact(w.owner.ctx, v1.id, { decision: "APPROVED" }), "CONFLICT");
  });
});

describe("versions", () => {
  it("numbers parallel uploads 1..n with no gap and no duplicate", async () => {
    const task = await acceptedTask(w);
    const n = 10;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => script(task.id, `Parallel ${i}`)));
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const rows = await db.contentArtifact.findMany({ where: { taskId: task.id }, orderBy: { version: "asc" } });
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // Each links to its predecessor; exactly one internal review is pending: the latest version's.
    for (const [i, row] of rows.entries()) expect(row.supersedesId).toBe(i === 0 ? null : rows[i - 1].id);
    const pending = await db.approvalItem.findMany({ where: { contentTaskId: task.id, status: "PENDING" } });
    expect(pending.map((p) => p.subjectVersion)).toEqual([n]);
    expect(await db.approvalItem.count({ where: { contentTaskId: task.id, status: "SUPERSEDED" } })).toBe(n - 1);
  });

  it("keeps versions per artifact type", async () => {
    const task = await acceptedTask(w, { required: ["SCRIPT", "CAPTION"] });
    await script(task.id, "S1");
    const c1 = await uploadArtifact(w.creatorOne.ctx, task.id, { artifactType: "CAPTION", text: "C1" });
    const s2 = await script(task.id, "S2");
    expect([c1.version, s2.version]).toEqual([1, 2]);
    // The caption's review is not superseded by a new script.
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: c1.approvalId } })).status).toBe("PENDING");
  });

  it("is append-only in the database: UPDATE and DELETE of artifacts and reviews are refused", async () => {
    const task = await acceptedTask(w);
    const v1 = await script(task.id, "Original");
    await reviewArtifact(w.owner.ctx, v1.id, { decision: "CHANGES_REQUESTED", note: "No" });
    await expect(db.contentArtifact.update({ where: { id: v1.id }, data: { text: "Rewritten" } })).rejects.toThrow();
    await expect(db.contentArtifact.delete({ where: { id: v1.id } })).rejects.toThrow();
    await expect(
      db.$executeRawUnsafe(`UPDATE "ContentArtifact" SET version = 99 WHERE id = '${v1.id}'`),
    ).rejects.toThrow();
    const review = await db.contentReview.findFirstOrThrow({ where: { artifactId: v1.id } });
    await expect(db.contentReview.update({ where: { id: review.id }, data: { note: "Changed" } })).rejects.toThrow();
    await expect(db.contentReview.delete({ where: { id: review.id } })).rejects.toThrow();
    expect((await db.contentArtifact.findUniqueOrThrow({ where: { id: v1.id } })).text).toBe("Original");
  });
});

describe("supersede and exact versions", () => {
  it("a new version supersedes the pending internal and client approvals; deciding the old one is refused (409)", async () => {
    const task = await acceptedTask(w);
    const v1 = await script(task.id, "One");
    const v2 = await script(task.id, "Two");
    const old = await db.approvalItem.findUniqueOrThrow({ where: { id: v1.approvalId } });
    expect(old).toMatchObject({ status: "SUPERSEDED", supersededById: v2.approvalId });
    await expectAppError(reviewArtifact(w.owner.ctx, v1.id, { decision: "APPROVED" }), "CONFLICT");
    await expectAppError(decideApproval(w.owner.ctx, v1.approvalId, { decision: "APPROVED" }), "CONFLICT");

    await reviewArtifact(w.owner.ctx, v2.id, { decision: "APPROVED" });
    const sent = await sendArtifactToClient(w.owner.ctx, v2.id);
    const v3 = await script(task.id, "Three");
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe("SUPERSEDED");
    await expectAppError(decideApproval(w.clientUser.ctx, sent.id, { decision: "APPROVED" }), "CONFLICT");
    expect(await taskStatus(task.id)).toBe("SUBMITTED");
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: v3.approvalId } })).subjectVersion).toBe(3);
  });

  it("the hook refuses a decision on a version that is no longer the latest even if its item is still pending", async () => {
    const task = await acceptedTask(w);
    const v1 = await script(task.id, "One");
    // A newer version written behind the engine's back (as a missed supersede would leave it).
    await db.contentArtifact.create({
      data: {
        agencyId: w.agency.id,
        taskId: task.id,
        artifactType: "SCRIPT",
        version: 2,
        text: "Two",
        supersedesId: v1.id,
      },
    });
    const error = await expectAppError(reviewArtifact(w.owner.ctx, v1.id, { decision: "APPROVED" }), "CONFLICT");
    expect(error.message).toContain("newer version");
    expect((await db.approvalItem.findUniqueOrThrow({ where: { id: v1.approvalId } })).status).toBe("PENDING");
  });

  it("two reviewers deciding at once: exactly one decision lands", async () => {
    const task = await acceptedTask(w);
    const v1 = await script(task.id, "Race");
    const results = await Promise.allSettled([
      reviewArtifact(w.owner.ctx, v1.id, { decision: "APPROVED" }),
      reviewArtifact(w.owner.ctx, v1.id, { decision: "CHANGES_REQUESTED", note: "No" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.contentReview.count({ where: { artifactId: v1.id } })).toBe(1);
  });
});

describe("who sees what", () => {
  it("the client sees only versions sent to them and no internal comment; comments are marked client or agency", async () => {
    const task = await acceptedTask(w);
    const v1 = await script(task.id, "Version one");
    await commentOnArtifact(w.owner.ctx, v1.id, { body: "Internal: tone is off", internal: true });
    await reviewArtifact(w.owner.ctx, v1.id, { decision: "CHANGES_REQUESTED", note: "Tone" });
    const v2 = await script(task.id, "Version two");
    await reviewArtifact(w.owner.ctx, v2.id, { decision: "APPROVED" });
    // Before sending: the client does not see the task at all.
    await expectAppError(getContentTask(w.clientUser.ctx, task.id), "NOT_FOUND");
    await sendArtifactToClient(w.owner.ctx, v2.id);
    await commentOnArtifact(w.owner.ctx, v2.id, { body: "Agency-only note on the client item", internal: true });
    await commentOnArtifact(w.owner.ctx, v2.id, { body: "Here is the script for you", internal: false });
    await commentOnArtifact(w.clientUser.ctx, v2.id, { body: "At 0:03 the logo is small", anchor: { seconds: 3 } });
    await expectAppError(
      commentOnArtifact(w.clientUser.ctx, v2.id, { body: "x", internal: true }),
      "VALIDATION_FAILED",
    );

    const seen = await getContentTask(w.clientUser.ctx, task.id);
    expect(seen.viewer).toBe("client");
    const versions = seen.artifacts.flatMap((g) => g.versions);
    expect(versions.map((v) => v.version)).toEqual([2]);
    const comments = versions.flatMap((v) => v.approvals.flatMap((a) => a.comments));
    expect(comments.map((c) => c.body).sort()).toEqual(["At 0:03 the logo is small", "Here is the script for you"]);
    expect(comments.every((c) => !c.internal)).toBe(true);
    expect(comments.find((c) => c.body.startsWith("At"))).toMatchObject({
      anchor: { seconds: 3 },
      author: { side: "client" },
    });
    expect(comments.find((c) => c.body.startsWith("Here"))?.author.side).toBe("agency");
    expect(seen.task.fee).toBeNull();
    expect(seen.can.decide).toBe(true);
    // Earlier versions not sent to the client are not theirs to compare or download.
    await expectAppError(compareArtifacts(w.clientUser.ctx, task.id, { from: v1.id, to: v2.id }), "NOT_FOUND");

    // The other client's user, and the other agency, see nothing.
    await expectAppError(getContentTask(w.clientUserTwo.ctx, task.id), "NOT_FOUND");
    await expectAppError(getContentTask(w.foreign.ctx, task.id), "NOT_FOUND");

    // Staff see everything, internal comments included.
    const staff = await getContentTask(w.owner.ctx, task.id);
    expect(staff.artifacts.flatMap((g) => g.versions).map((v) => v.version)).toEqual([2, 1]);
    expect(
      staff.artifacts
        .flatMap((g) => g.versions.flatMap((v) => v.approvals.flatMap((a) => a.comments)))
        .some((c) => c.internal),
    ).toBe(true);

    // The influencer sees their task and the internal stage without internal comments.
    const own = await getContentTask(w.creatorOne.ctx, task.id);
    const ownComments = own.artifacts.flatMap((g) => g.versions.flatMap((v) => v.approvals.flatMap((a) => a.comments)));
    expect(ownComments.some((c) => c.internal)).toBe(false);
    expect(
      own.artifacts.flatMap((g) => g.versions.flatMap((v) => v.approvals)).every((a) => a.stage === "INTERNAL"),
    ).toBe(true);
    // Another influencer does not see it.
    await expectAppError(getContentTask(w.creatorTwo.ctx, task.id), "NOT_FOUND");
    await expectAppError(
      uploadArtifact(w.creatorTwo.ctx, task.id, { artifactType: "SCRIPT", text: "Not mine" }),
      "NOT_FOUND",
    );
    expect((await listCreatorTasks(w.creatorTwo.ctx)).items.some((t) => t.id === task.id)).toBe(false);
  });

  it("lists the campaign's tasks with overdue flags, latest artifacts and the pending stage; the board counts by status", async () => {
    const overdue = await acceptedTask(w, { dueInDays: -2 });
    const v1 = await script(overdue.id, "Late");
    const page = await listCampaignTasks(w.owner.ctx, w.campaign.id, { take: 100 });
    const item = page.items.find((i) => i.id === overdue.id)!;
    expect(item).toMatchObject({ overdue: true, pendingStage: "INTERNAL", influencer: { id: w.profileOne.id } });
    expect(item.latestArtifacts).toEqual([expect.objectContaining({ id: v1.id, artifactType: "SCRIPT", version: 1 })]);
    const filtered = await listCampaignTasks(w.owner.ctx, w.campaign.id, { status: "DECLINED" });
    expect(filtered.items.every((i) => i.status === "DECLINED")).toBe(true);
    const board = await getCampaignContentBoard(w.owner.ctx, w.campaign.id);
    expect(board.columns.reduce((n, c) => n + c.count, 0)).toBe(board.total);
    expect(board.overdue).toBeGreaterThan(0);
    await expectAppError(
      listCampaignTasks(w.owner.ctx, w.campaign.id, { cursor: "00000000-0000-4000-8000-000000000000" }),
      "VALIDATION_FAILED",
    );
    await expectAppError(listCampaignTasks(w.foreign.ctx, w.campaign.id), "NOT_FOUND");
  });
});

describe("compare", () => {
  it("diffs two text versions into hunks and gives media versions side by side", async () => {
    const task = await acceptedTask(w, { required: ["SCRIPT", "DRAFT"] });
    const a = await script(task.id, "line one\nline two\nline three\n");
    const b = await script(task.id, "line one\nline 2\nline three\nline four\n");
    const diff = await compareArtifacts(w.owner.ctx, task.id, { from: a.id, to: b.id });
    expect(diff.kind).toBe("text");
    expect(diff.stats).toEqual({ added: 2, removed: 1 });
    expect(diff.hunks[0].lines).toEqual(
      expect.arrayContaining([
        { kind: "removed", text: "line two" },
        { kind: "added", text: "line 2" },
        { kind: "added", text: "line four" },
        { kind: "context", text: "line one" },
      ]),
    );
    const f1 = await uploadArtifact(w.creatorOne.ctx, task.id, {
      artifactType: "DRAFT",
      file: await storeBytes(PNG_1X1, "a.png"),
    });
    const f2 = await uploadArtifact(w.creatorOne.ctx, task.id, {
      artifactType: "DRAFT",
      file: await storeBytes(mp4Bytes(2048, 9), "b.mp4"),
    });
    const media = await compareArtifacts(w.creatorOne.ctx, task.id, { from: f1.id, to: f2.id });
    expect(media).toMatchObject({
      kind: "media",
      from: { mimeType: "image/png", url: `/api/content/artifacts/${f1.id}/file` },
      to: { mimeType: "video/mp4" },
    });
    await expectAppError(compareArtifacts(w.owner.ctx, task.id, { from: "nope", to: b.id }), "VALIDATION_FAILED");
  });
});

describe("publication and figures", () => {
  it("records the post and its figures on an approved task, imports a CSV with row errors, and sums in SQL", async () => {
    const w3 = await createContentWorld("ContentFigures", { clientApprovesContent: false });
    const tasks = [];
    for (const who of ["one", "two"] as const) {
      const task = await acceptedTask(w3, { who });
      const ctx = who === "one" ? w3.creatorOne.ctx : w3.creatorTwo.ctx;
      const v = await uploadArtifact(ctx, task.id, { artifactType: "SCRIPT", text: "ok" });
      tasks.push({ task, v });
    }
    await expectAppError(
      recordPublication(w3.owner.ctx, tasks[0].task.id, {
        publishedUrl: "https://instagram.com/p/1",
        publishedAt: "2026-11-20",
        views: 10,
      }),
      "CONFLICT",
    );
    for (const { v } of tasks) await reviewArtifact(w3.owner.ctx, v.id, { decision: "APPROVED" });
    const bad = await expectAppError(
      recordPublication(w3.owner.ctx, tasks[0].task.id, {
        publishedUrl: "not a url",
        publishedAt: "2026-11-20",
        views: -1,
      }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(bad.fields ?? {})).toEqual(expect.arrayContaining(["publishedUrl", "views"]));
    const published = await recordPublication(w3.owner.ctx, tasks[0].task.id, {
      publishedUrl: "https://instagram.com/p/1",
      publishedAt: "2026-11-20",
      views: 1000,
      reach: 800,
      likes: 120,
      comments: 10,
      shares: 5,
      saves: 7,
      clicks: 30,
    });
    expect(published).toMatchObject({ status: "PUBLISHED", views: 1000, clicks: 30 });
    const csv = [
      "task_id,published_url,published_at,views,reach,likes,comments,shares,saves,clicks",
      `${tasks[1].task.id},https://tiktok.com/@x/1,2026-11-21,"2,500",2000,300,20,15,9,40`,
      `,https://instagram.com/p/1,2026-11-20,1500,900,130,11,6,8,31`,
      `${tasks[1].task.id},https://tiktok.com/@x/1,2026-11-21,lots,,,,,,`,
      `,https://unknown.example/p,2026-11-20,1,1,1,1,1,1,1`,
    ].join("\n");
    const result = await importMetricsCsv(w3.owner.ctx, w3.campaign.id, csv);
    expect(result.updated).toBe(2);
    expect(result.failed).toBe(2);
    expect(result.rows.filter((r) => !r.ok).map((r) => [r.line, r.errors[0].field])).toEqual([
      [4, "views"],
      [5, "published_url"],
    ]);
    const totals = await getCampaignContentTotals(w3.owner.ctx, w3.campaign.id);
    expect(totals.totals).toEqual({
      views: 4000,
      reach: 2900,
      likes: 430,
      comments: 31,
      shares: 21,
      saves: 17,
      clicks: 71,
    });
    expect(totals.published).toBe(2);
    await expectAppError(importMetricsCsv(w3.owner.ctx, w3.campaign.id, "what,ever\n1,2"), "VALIDATION_FAILED");
    // The campaign's client sees the figures; another client and another agency do not.
    expect((await getCampaignContentTotals(w3.clientUser.ctx, w3.campaign.id)).totals.views).toBe(4000);
    await expectAppError(getCampaignContentTotals(w3.clientUserTwo.ctx, w3.campaign.id), "NOT_FOUND");
    await expectAppError(getCampaignContentTotals(w3.foreign.ctx, w3.campaign.id), "NOT_FOUND");
  });
});

describe("the CONTENT_APPROVED guard", () => {
  it("counts the real tasks (cancelled ones left out) and lets the campaign move once every task is approved", async () => {
    const w4 = await createContentWorld("ContentGuard");
    const facts = () =>
      db.campaign.findUniqueOrThrow({ where: { id: w4.campaign.id } }).then((c) => loadCampaignFacts(db as never, c));
    expect((await facts()).contentTasks).toEqual({ total: 0, approved: 0 });
    const t1 = await acceptedTask(w4);
    const t2 = await acceptedTask(w4, { who: "two" });
    await cancelContentTask(w4.owner.ctx, t2.id, { reason: "Dropped" });
    expect((await facts()).contentTasks).toEqual({ total: 1, approved: 0 });
    expect(
      checkTransition({ ...(await facts()), status: "CONTENT_IN_CLIENT_REVIEW" }, "CONTENT_APPROVED"),
    ).toMatchObject({ ok: false, code: "CONTENT_APPROVED" });
    const v = await uploadArtifact(w4.creatorOne.ctx, t1.id, { artifactType: "SCRIPT", text: "Final script" });
    await reviewArtifact(w4.owner.ctx, v.id, { decision: "APPROVED" });
    const sent = await sendArtifactToClient(w4.owner.ctx, v.id);
    await decideApproval(w4.clientUser.ctx, sent.id, { decision: "APPROVED" });
    expect((await facts()).contentTasks).toEqual({ total: 1, approved: 1 });
    for (const to of ["CONTENT_IN_INTERNAL_REVIEW", "CONTENT_IN_CLIENT_REVIEW", "CONTENT_APPROVED"])
      await transitionCampaign(w4.owner.ctx, w4.campaign.id, { to });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: w4.campaign.id } })).status).toBe("CONTENT_APPROVED");
  });
});

describe("storage", () => {
  it("stores by SHA-256 without overwriting, reads the type from the bytes, and refuses other types leaving nothing behind", async () => {
    const before = (await storedFiles()).length;
    const png = Buffer.concat([PNG_1X1, crypto.randomBytes(16)]);
    const a = await storeBytes(png, "pixel.png");
    const b = await storeBytes(png, "same-bytes-other-name.jpg");
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toBe(crypto.createHash("sha256").update(png).digest("hex"));
    expect(a).toMatchObject({ mime: "image/png", size: png.length, name: "pixel.png" });
    expect((await storedFiles()).length).toBe(before + 1);
    expect((await storeBytes(Buffer.concat([PDF_BYTES, crypto.randomBytes(8)]), "brief.mp4")).mime).toBe(
      "application/pdf",
    );
    const refused = await expectAppError(storeBytes(Buffer.from("#!/bin/sh\necho hi\n"), "video.mp4"), "UNPROCESSABLE");
    expect(refused.fields?.file).toBeTruthy();
    await expectAppError(storeBytes(PNG_1X1, "thumb.png", ["video"]), "UNPROCESSABLE");
    await expectAppError(storeBytes(Buffer.alloc(0), "empty.png"), "VALIDATION_FAILED");
    expect(tmpLeftovers()).toEqual([]);
    expect((await storedFiles()).length).toBe(before + 2);
  });

  it("refuses an image over 25 MB while streaming (413 naming the field), nothing stored, no temp file left", async () => {
    const before = (await storedFiles()).length;
    const { source, sent } = oversizedPng(7);
    const error = await expectAppError(
      getStorage().put(source, { name: "huge.png", field: "file" }),
      "PAYLOAD_TOO_LARGE",
    );
    expect(error.status).toBe(413);
    expect(error.message).toContain("25 MB");
    expect(error.fields?.file).toContain("25 MB");
    expect(sent()).toBeLessThan(40); // aborted as soon as the limit was passed, not after reading everything
    expect(tmpLeftovers()).toEqual([]);
    expect((await storedFiles()).length).toBe(before);
  });

  it("serves byte ranges of a stored file", async () => {
    const bytes = mp4Bytes(10_000, 5);
    const stored = await storeBytes(bytes, "clip.mp4");
    const stream = await getStorage().open(stored.hash, { start: 100, end: 199 });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes.subarray(100, 200))).toBe(true);
    expect(await getStorage().stat(stored.hash)).toEqual({ size: 10_000 });
    expect(await getStorage().stat("0".repeat(64))).toBeNull();
  });
});
