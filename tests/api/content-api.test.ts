import type { ApiResult } from "@/lib/api/http";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import * as tasksRoute from "@/pages/api/campaigns/[id]/content-tasks/index";
import * as metricsRoute from "@/pages/api/campaigns/[id]/content-metrics/index";
import * as totalsRoute from "@/pages/api/campaigns/[id]/content-totals/index";
import * as taskRoute from "@/pages/api/content/tasks/[id]/index";
import * as respondRoute from "@/pages/api/content/tasks/[id]/respond/index";
import * as cancelRoute from "@/pages/api/content/tasks/[id]/cancel/index";
import * as uploadRoute from "@/pages/api/content/tasks/[id]/artifacts/index";
import * as compareRoute from "@/pages/api/content/tasks/[id]/compare/index";
import * as publicationRoute from "@/pages/api/content/tasks/[id]/publication/index";
import * as fileRoute from "@/pages/api/content/artifacts/[id]/file/index";
import * as reviewRoute from "@/pages/api/content/artifacts/[id]/review/index";
import * as sendRoute from "@/pages/api/content/artifacts/[id]/send-to-client/index";
import * as commentsRoute from "@/pages/api/content/artifacts/[id]/comments/index";
import * as creatorTasksRoute from "@/pages/api/creator/tasks/index";
import * as completeRoute from "@/pages/api/creator/tasks/[id]/complete/index";
import type { AuthContext } from "@/lib/auth/context";
import { actAs } from "../setup/fake-session";
import {
  acceptedTask,
  createContentWorld,
  mp4Bytes,
  PNG_1X1,
  storedFiles,
  tmpLeftovers,
  setTempDataDir,
  type ContentWorld,
} from "../setup/content-fixtures";

// The content handlers over HTTP: the streamed multipart upload, the authorized file route with ranges,
// bad input on every handler (400/413/422 naming the field, nothing written), foreign ids (404).

vi.mock("@/lib/auth/session", () => import("../setup/fake-session"));
setTempDataDir("content-api");

const MISSING = "00000000-0000-4000-8000-000000000000";
type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;
type Body = { data?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } };

async function call(
  as: AuthContext,
  handler: Handler,
  options: {
    url?: string;
    method?: string;
    params?: Record<string, string>;
    body?: unknown;
    rawBody?: BodyInit;
    headers?: Record<string, string>;
  } = {},
) {
  actAs(as);
  try {
    const headers: Record<string, string> = {
      ...(options.rawBody === undefined ? { "content-type": "application/json" } : {}),
      ...options.headers,
    };
    const init: RequestInit & { duplex?: string } = { method: options.method ?? "GET", headers };
    if (options.rawBody !== undefined) init.body = options.rawBody;
    else if (options.body !== undefined) init.body = JSON.stringify(options.body);
    const response = await handler(new Request(`http://tikit.test${options.url ?? "/api/x"}`, init), {
      params: Promise.resolve(options.params ?? {}),
    });
    const buffer = Buffer.from(await response.arrayBuffer());
    let json: Body = {};
    try {
      json = JSON.parse(buffer.toString("utf8")) as Body;
    } catch {
      // a file
    }
    return { status: response.status, headers: response.headers, buffer, json };
  } finally {
    actAs(null);
  }
}

function form(fields: Record<string, string>, file?: { bytes: Buffer; name: string }) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  return data;
}

const upload = (as: AuthContext, taskId: string, data: FormData | string, headers?: Record<string, string>) =>
  call(as, uploadRoute.POST, {
    method: "POST",
    params: { id: taskId },
    url: `/api/content/tasks/${taskId}/artifacts`,
    rawBody: data,
    headers,
  });

let w: ContentWorld;
beforeAll(async () => {
  w = await createContentWorld("ContentAPI");
});

describe("upload and download", () => {
  it("streams a multipart upload into version 1, then serves the file whole and in ranges (206/416)", async () => {
    const task = await acceptedTask(w, { required: ["DRAFT"] });
    const bytes = mp4Bytes(50_000, 11);
    const res = await upload(
      w.creatorOne.ctx,
      task.id,
      form({ artifactType: "DRAFT", note: "First cut" }, { bytes, name: "cut.mp4" }),
    );
    expect(res.status).toBe(201);
    const artifact = res.json.data as {
      id: string;
      version: number;
      mimeType: string;
      sizeBytes: number;
      fileName: string;
    };
    expect(artifact).toMatchObject({ version: 1, mimeType: "video/mp4", sizeBytes: 50_000, fileName: "cut.mp4" });

    const get = (as: AuthContext, range?: string) =>
      call(as, fileRoute.GET, { params: { id: artifact.id }, headers: range ? { range } : {} });
    const whole = await get(w.owner.ctx);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(whole.headers.get("content-length")).toBe("50000");
    expect(whole.buffer.equals(bytes)).toBe(true);

    const part = await get(w.creatorOne.ctx, "bytes=1000-1999");
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 1000-1999/50000");
    expect(part.headers.get("content-length")).toBe("1000");
    expect(part.buffer.equals(bytes.subarray(1000, 2000))).toBe(true);
    const open = await get(w.owner.ctx, "bytes=49990-");
    expect(open.status).toBe(206);
    expect(open.buffer.equals(bytes.subarray(49_990))).toBe(true);
    const suffix = await get(w.owner.ctx, "bytes=-10");
    expect(suffix.headers.get("content-range")).toBe("bytes 49990-49999/50000");
    const beyond = await get(w.owner.ctx, "bytes=60000-");
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe("bytes */50000");

    // Who may not read it: another influencer, a client it was not sent to, another client, another agency.
    for (const as of [w.creatorTwo.ctx, w.clientUser.ctx, w.clientUserTwo.ctx, w.foreign.ctx])
      expect((await get(as)).status).toBe(404);
    expect((await call(w.owner.ctx, fileRoute.GET, { params: { id: "not-an-id" } })).status).toBe(404);

    // Sent to the client: now the client reads it; the other client still gets 404.
    expect(
      (
        await call(w.owner.ctx, reviewRoute.POST, {
          method: "POST",
          params: { id: artifact.id },
          body: { decision: "APPROVED" },
        })
      ).status,
    ).toBe(200);
    expect((await call(w.owner.ctx, sendRoute.POST, { method: "POST", params: { id: artifact.id } })).status).toBe(201);
    expect((await get(w.clientUser.ctx, "bytes=0-9")).status).toBe(206);
    expect((await get(w.clientUserTwo.ctx)).status).toBe(404);
  });

  it("names the file in Content-Disposition as one quoted token; a path in the uploaded name is cut to its last part", async () => {
    const task = await acceptedTask(w, { required: ["DRAFT"] });
    const name = 'my "best" cut.mp4';
    const res = await upload(
      w.creatorOne.ctx,
      task.id,
      form({ artifactType: "DRAFT" }, { bytes: mp4Bytes(2_000, 5), name }),
    );
    expect(res.status).toBe(201);
    const id = (res.json.data as { id: string }).id;
    const got = await call(w.owner.ctx, fileRoute.GET, { params: { id } });
    // (Multipart encoders send a quote in a file name as %22; whatever arrives, the quoted form stays one token.)
    expect(got.headers.get("content-disposition")).toMatch(
      /^inline; filename="my [^"\\]*best[^"\\]* cut\.mp4"; filename\*=UTF-8''[^"\s]+$/,
    );
    const path = await upload(
      w.creatorOne.ctx,
      task.id,
      form({ artifactType: "DRAFT" }, { bytes: mp4Bytes(2_000, 6), name: "C:\\clips\\v2.mp4" }),
    );
    expect((path.json.data as { fileName: string }).fileName).toBe("v2.mp4");
  });

  it("refuses a file whose bytes are not of an accepted type (422), a type the artifact does not take, and files over the limit (413); nothing stored", async () => {
    const task = await acceptedTask(w, { required: ["DRAFT", "THUMBNAIL"] });
    const before = (await storedFiles()).length;
    const script = await upload(
      w.creatorOne.ctx,
      task.id,
      form({ artifactType: "DRAFT" }, { bytes: Buffer.from("#!/bin/sh\nrm -rf /\n"), name: "video.mp4" }),
    );
    expect(script.status).toBe(422);
    expect(script.json.error?.fields?.file).toBeTruthy();
    const video = await upload(
      w.creatorOne.ctx,
      task.id,
      form({ artifactType: "THUMBNAIL" }, { bytes: mp4Bytes(1000), name: "thumb.png" }),
    );
    expect(video.status).toBe(422);
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(26 * 1024 * 1024, 1)]);
    const huge = await upload(
      w.creatorOne.ctx,
      task.id,
      form({ artifactType: "THUMBNAIL" }, { bytes: big, name: "big.png" }),
    );
    expect(huge.status).toBe(413);
    expect(huge.json.error?.message).toContain("25 MB");
    expect(huge.json.error?.fields?.file).toBeTruthy();
    const longText = await upload(
      w.creatorOne.ctx,
      task.id,
      form({ artifactType: "DRAFT", text: "é".repeat(250_000) }),
    );
    expect(longText.status).toBe(413);
    expect(longText.json.error?.fields?.text).toBeTruthy();
    const tooManyChars = await upload(
      w.creatorOne.ctx,
      task.id,
      form({ artifactType: "DRAFT", text: "a".repeat(100_001) }),
    );
    expect(tooManyChars.status).toBe(400);
    expect(tooManyChars.json.error?.fields?.text).toBeTruthy();
    expect((await storedFiles()).length).toBe(before);
    expect(tmpLeftovers()).toEqual([]);
    expect(await db.contentArtifact.count({ where: { taskId: task.id } })).toBe(0);
  });

  it("answers bad upload input with 400 naming the field, and foreign callers with 403/404 before reading the body", async () => {
    const task = await acceptedTask(w, { required: ["SCRIPT"] });
    expect(
      (
        await upload(w.creatorOne.ctx, task.id, JSON.stringify({ artifactType: "SCRIPT" }), {
          "content-type": "application/json",
        })
      ).status,
    ).toBe(400);
    const noType = await upload(w.creatorOne.ctx, task.id, form({ text: "hello" }));
    expect(noType.status).toBe(400);
    expect(noType.json.error?.fields?.artifactType).toBeTruthy();
    const empty = await upload(w.creatorOne.ctx, task.id, form({ artifactType: "SCRIPT" }));
    expect(empty.status).toBe(400);
    expect(empty.json.error?.fields?.file).toBeTruthy();
    const wrongField = new FormData();
    wrongField.append("artifactType", "SCRIPT");
    wrongField.append("attachment", new Blob([new Uint8Array(PNG_1X1)]), "x.png");
    expect((await upload(w.creatorOne.ctx, task.id, wrongField)).status).toBe(400);
    expect((await upload(w.creatorTwo.ctx, task.id, form({ artifactType: "SCRIPT", text: "not mine" }))).status).toBe(
      404,
    );
    expect((await upload(w.owner.ctx, task.id, form({ artifactType: "SCRIPT", text: "staff" }))).status).toBe(403);
    expect((await upload(w.creatorOne.ctx, MISSING, form({ artifactType: "SCRIPT", text: "x" }))).status).toBe(404);
    const ok = await upload(w.creatorOne.ctx, `${task.id}`, form({ artifactType: "SCRIPT", text: "Line one" }));
    expect(ok.status).toBe(201);
    expect(await db.contentArtifact.count({ where: { taskId: task.id } })).toBe(1);
  });
});

describe("bad input on every handler", () => {
  it("answers 400 naming the field and writes nothing", async () => {
    const task = await acceptedTask(w);
    const offered = await acceptedTask(w, { accept: false });
    const up = await upload(w.creatorOne.ctx, task.id, form({ artifactType: "SCRIPT", text: "Script" }));
    const artifactId = (up.json.data as { id: string }).id;
    const audit = () => db.auditLog.count({ where: { agencyId: w.agency.id } });
    const before = await audit();
    const cases: [string, Promise<{ status: number; json: Body }>, string][] = [
      [
        "create task",
        call(w.owner.ctx, tasksRoute.POST, {
          method: "POST",
          params: { id: w.campaign.id },
          body: { assignmentId: "x", deliverableType: "REEL", title: "" },
        }),
        "assignmentId",
      ],
      [
        "create task (not JSON)",
        call(w.owner.ctx, tasksRoute.POST, {
          method: "POST",
          params: { id: w.campaign.id },
          rawBody: "{",
          headers: { "content-type": "application/json" },
        }),
        "_",
      ],
      [
        "list tasks",
        call(w.owner.ctx, tasksRoute.GET, {
          params: { id: w.campaign.id },
          url: `/api/campaigns/${w.campaign.id}/content-tasks?status=LOST`,
        }),
        "status",
      ],
      [
        "edit task",
        call(w.owner.ctx, taskRoute.PATCH, {
          method: "PATCH",
          params: { id: task.id },
          body: { version: "one", title: "" },
        }),
        "version",
      ],
      [
        "respond",
        call(w.creatorOne.ctx, respondRoute.POST, {
          method: "POST",
          params: { id: offered.id },
          body: { accept: false },
        }),
        "reason",
      ],
      ["cancel", call(w.owner.ctx, cancelRoute.POST, { method: "POST", params: { id: task.id }, body: {} }), "reason"],
      [
        "review",
        call(w.owner.ctx, reviewRoute.POST, {
          method: "POST",
          params: { id: artifactId },
          body: { decision: "MAYBE" },
        }),
        "decision",
      ],
      [
        "review (no note)",
        call(w.owner.ctx, reviewRoute.POST, {
          method: "POST",
          params: { id: artifactId },
          body: { decision: "REJECTED" },
        }),
        "note",
      ],
      [
        "comment",
        call(w.owner.ctx, commentsRoute.POST, { method: "POST", params: { id: artifactId }, body: { body: "" } }),
        "body",
      ],
      [
        "comment anchor",
        call(w.owner.ctx, commentsRoute.POST, {
          method: "POST",
          params: { id: artifactId },
          body: { body: "x", anchor: { x: 2, y: 0, w: 0, h: 0 } },
        }),
        "anchor.x",
      ],
      [
        "compare",
        call(w.owner.ctx, compareRoute.GET, {
          params: { id: task.id },
          url: `/api/content/tasks/${task.id}/compare?from=${artifactId}`,
        }),
        "to",
      ],
      [
        "publication",
        call(w.owner.ctx, publicationRoute.POST, {
          method: "POST",
          params: { id: task.id },
          body: { publishedUrl: "ftp://x", publishedAt: "soon", views: 1.5 },
        }),
        "publishedUrl",
      ],
      [
        "metrics CSV",
        call(w.owner.ctx, metricsRoute.POST, {
          method: "POST",
          params: { id: w.campaign.id },
          body: { csv: "nothing" },
        }),
        "file",
      ],
      [
        "metrics CSV (no csv)",
        call(w.owner.ctx, metricsRoute.POST, { method: "POST", params: { id: w.campaign.id }, body: { text: "x" } }),
        "csv",
      ],
      ["creator tasks", call(w.creatorOne.ctx, creatorTasksRoute.GET, { url: "/api/creator/tasks?take=1000" }), "take"],
      [
        "complete",
        call(w.creatorOne.ctx, completeRoute.PATCH, {
          method: "PATCH",
          params: { id: task.id },
          body: { publishedUrl: "nope" },
        }),
        "publishedUrl",
      ],
    ];
    for (const [label, pending, field] of cases) {
      const res = await pending;
      expect(res.status, label).toBe(400);
      if (field !== "_") expect(Object.keys(res.json.error?.fields ?? {}), label).toContain(field);
    }
    expect(await audit()).toBe(before);
  });

  it("answers unknown and foreign ids with 404 and closed states with 409", async () => {
    const task = await acceptedTask(w);
    for (const [label, pending] of [
      ["task", call(w.owner.ctx, taskRoute.GET, { params: { id: MISSING } })],
      ["foreign task", call(w.foreign.ctx, taskRoute.GET, { params: { id: task.id } })],
      ["other creator", call(w.creatorTwo.ctx, taskRoute.GET, { params: { id: task.id } })],
      ["foreign totals", call(w.foreign.ctx, totalsRoute.GET, { params: { id: w.campaign.id } })],
      ["foreign list", call(w.foreign.ctx, tasksRoute.GET, { params: { id: w.campaign.id } })],
      ["send unknown", call(w.owner.ctx, sendRoute.POST, { method: "POST", params: { id: MISSING } })],
    ] as const) {
      expect((await pending).status, label).toBe(404);
    }
    expect(
      (
        await call(w.creatorOne.ctx, respondRoute.POST, {
          method: "POST",
          params: { id: task.id },
          body: { accept: true },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call(w.creatorOne.ctx, completeRoute.PATCH, {
          method: "PATCH",
          params: { id: task.id },
          body: { publishedUrl: "https://instagram.com/p/x" },
        })
      ).status,
    ).toBe(409);
  });

  it("serves the lists, the board and the creator's tasks", async () => {
    const list = await call(w.owner.ctx, tasksRoute.GET, {
      params: { id: w.campaign.id },
      url: `/api/campaigns/${w.campaign.id}/content-tasks?take=2`,
    });
    expect(list.status).toBe(200);
    expect((list.json as { page: { nextCursor: string | null } }).page.nextCursor).toBeTruthy();
    const board = await call(w.owner.ctx, tasksRoute.GET, {
      params: { id: w.campaign.id },
      url: `/api/campaigns/${w.campaign.id}/content-tasks?view=board`,
    });
    expect((board.json.data as { columns: unknown[] }).columns).toHaveLength(11);
    const mine = await call(w.creatorOne.ctx, creatorTasksRoute.GET, { url: "/api/creator/tasks" });
    expect(mine.status).toBe(200);
    expect((mine.json.data as { fee: string }[]).every((t) => t.fee === "900.00")).toBe(true);
    const theirs = await call(w.creatorTwo.ctx, creatorTasksRoute.GET, { url: "/api/creator/tasks" });
    expect((theirs.json.data as unknown[]).length).toBe(0);
  });
});
