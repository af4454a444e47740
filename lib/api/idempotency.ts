import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { JsonResponse, json, toErrorResponse, type ApiRequest, type ApiResult } from "@/lib/api/http";
import type { AuthContext } from "@/lib/auth/context";
import { queryRow } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// `Idempotency-Key` on POST and PATCH, as Stripe does it (docs/decisions.md "Idempotency keys (issue 12)"): the
// first request with a key reserves it (an INSERT the primary key (userId, key) keeps from racing), runs, and
// stores its response; a retry with the key gets that response again without the work being done twice.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** Printable ASCII without space (a UUID, a ULID, base64): what fits a header and a log line unchanged. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a key is kept: a client retries within minutes; a day covers an outage overnight. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
/**
 * A running request holds its reservation this long and renews it every LOCK_RENEW_MS, so the lock only runs
 * out when its server died (or froze) mid-request; then a retry may run the request again.
 */
export const IDEMPOTENCY_LOCK_MS = 60_000;
const LOCK_RENEW_MS = 20_000;

/** Headers of a stored response worth replaying (the body's type is always JSON). */
const REPLAYED_HEADERS = ["location", "cache-control", "content-location", "etag", "last-modified"];

type KeyRow = {
  requestHash: string;
  method: string;
  path: string;
  state: "IN_PROGRESS" | "COMPLETED";
  lockId: string | null;
  lockedUntil: Date | null;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
};

type Reservation = { userId: string; key: string; lockId: string };

/** The key of a POST or PATCH, or null when the request has none (or its method needs none). 400 when malformed. */
function keyOf(request: ApiRequest): string | null {
  if (request.method !== "POST" && request.method !== "PATCH") return null;
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return null;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    const message = "Send 1 to 255 printable ASCII characters without spaces (a UUID, for example)";
    throw new AppError("BAD_REQUEST", `Check the ${IDEMPOTENCY_HEADER} header: ${message}`, {
      fields: { [IDEMPOTENCY_HEADER]: message },
    });
  }
  // The streamed upload is exempt (docs/decisions.md): its body is never in memory, so it cannot be hashed before
  // the work starts, and a browser's FormData gets a new random boundary on every send, so a true retry's bytes
  // differ anyway. A key there is refused rather than ignored: a client must not believe it is protected.
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    const message = "Not supported on a streamed multipart upload: send the upload without it";
    throw new AppError("BAD_REQUEST", `Check the ${IDEMPOTENCY_HEADER} header: ${message}`, {
      fields: { [IDEMPOTENCY_HEADER]: message },
    });
  }
  return key;
}

/**
 * Runs `run` once per (caller, Idempotency-Key): without the header (or on GET and DELETE, idempotent by
 * themselves) it simply runs. With it, the body is read once to hash it and the handler gets a request whose
 * `text()` returns the same text. Answers: the stored response to a retry (with `Idempotent-Replayed: true`),
 * 422 when the key came with another method, path or body, 409 (Retry-After) while the first request runs.
 */
export async function withIdempotency(
  request: ApiRequest,
  ctx: AuthContext,
  run: (request: ApiRequest) => Promise<ApiResult>,
): Promise<ApiResult> {
  const key = keyOf(request);
  if (key === null) return run(request);
  const url = new URL(request.url);
  const path = url.pathname + url.search;
  const text = await request.text();
  const requestHash = createHash("sha256").update(`${request.method}\n${path}\n`).update(text).digest("hex");

  const reservation = await reserve({ ctx, key, method: request.method, path, requestHash });
  if ("replay" in reservation) return reservation.replay;

  const renew = setInterval(() => void renewLock(reservation).catch(() => undefined), LOCK_RENEW_MS);
  renew.unref();
  let result: ApiResult;
  try {
    result = await run(new BufferedRequest(request, text));
  } catch (error) {
    result = toErrorResponse(error);
  } finally {
    clearInterval(renew);
  }
  await settle(reservation, result);
  return result;
}

/**
 * Takes the key, or answers from it. The INSERT wins for exactly one of two simultaneous requests; it also takes
 * over a row that expired (not cleaned up yet) or whose lock ran out (its server died) for the same request.
 */
async function reserve(input: {
  ctx: AuthContext;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}): Promise<Reservation | { replay: ApiResult }> {
  const { ctx, key, method, path, requestHash } = input;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    const lockId = randomUUID();
    const lockedUntil = new Date(now.getTime() + IDEMPOTENCY_LOCK_MS);
    const expiresAt = new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_HOURS * 3_600_000);
    const taken = await queryRow<{ lockId: string }>(Prisma.sql`
      INSERT INTO "IdempotencyKey" ("userId", "key", "agencyId", "requestHash", "method", "path", "state", "lockId", "lockedUntil", "createdAt", "expiresAt")
      VALUES (${ctx.userId}::uuid, ${key}, ${ctx.agencyId}::uuid, ${requestHash}, ${method}, ${path}, 'IN_PROGRESS', ${lockId}::uuid, ${lockedUntil}, ${now}, ${expiresAt})
      ON CONFLICT ("userId", "key") DO UPDATE SET
        "agencyId" = EXCLUDED."agencyId", "requestHash" = EXCLUDED."requestHash", "method" = EXCLUDED."method", "path" = EXCLUDED."path",
        "state" = 'IN_PROGRESS', "lockId" = EXCLUDED."lockId", "lockedUntil" = EXCLUDED."lockedUntil",
        "responseStatus" = NULL, "responseHeaders" = NULL, "responseBody" = NULL,
        "createdAt" = EXCLUDED."createdAt", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "IdempotencyKey"."expiresAt" <= ${now}
         OR ("IdempotencyKey"."state" = 'IN_PROGRESS' AND "IdempotencyKey"."lockedUntil" <= ${now} AND "IdempotencyKey"."requestHash" = EXCLUDED."requestHash")
      RETURNING "lockId"`);
    if (taken) return { userId: ctx.userId, key, lockId: taken.lockId };

    const row = await queryRow<KeyRow>(Prisma.sql`
      SELECT "requestHash", "method", "path", "state", "lockId", "lockedUntil", "responseStatus", "responseHeaders", "responseBody"
      FROM "IdempotencyKey" WHERE "userId" = ${ctx.userId}::uuid AND "key" = ${key}`);
    // Released (or expired and cleaned up) between the two statements: try again.
    if (!row) continue;
    if (row.requestHash !== requestHash) {
      const first =
        row.method === method && row.path === path
          ? `${row.method} ${row.path} with another body`
          : `${row.method} ${row.path}`;
      throw new AppError(
        "UNPROCESSABLE",
        `This ${IDEMPOTENCY_HEADER} was already used for ${first}: send a new key for a new request`,
        {
          fields: { [IDEMPOTENCY_HEADER]: "Already used for another request" },
        },
      );
    }
    if (row.state === "COMPLETED") return { replay: replayOf(row) };
    const seconds = Math.max(1, Math.ceil(((row.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
    throw new AppError(
      "CONFLICT",
      `A request with this ${IDEMPOTENCY_HEADER} is still in progress: retry once it has finished`,
      {
        retryAfterSeconds: Math.min(seconds, 5),
      },
    );
  }
  throw new AppError(
    "CONFLICT",
    `A request with this ${IDEMPOTENCY_HEADER} is still in progress: retry once it has finished`,
    { retryAfterSeconds: 1 },
  );
}

/**
 * After the handler: a 2xx, 3xx or 4xx is the request's answer and is kept (a 4xx did no work, and the same
 * request would be refused the same way; replaying it tells the client to send a new key for a corrected
 * request). A 5xx, a 429 or an answer that is not JSON (a stream cannot be replayed; no POST or PATCH answers
 * one) releases the key: the work did not happen (transactions rolled back), so the retry must run it.
 */
async function settle(reservation: Reservation, result: ApiResult) {
  const { userId, key, lockId } = reservation;
  const keep = result instanceof JsonResponse && result.status < 500 && result.status !== 429;
  if (!keep) {
    await queryRow(
      Prisma.sql`DELETE FROM "IdempotencyKey" WHERE "userId" = ${userId}::uuid AND "key" = ${key} AND "lockId" = ${lockId}::uuid`,
    );
    return;
  }
  const headers: Record<string, string> = {};
  for (const name in result.headerValues)
    if (REPLAYED_HEADERS.includes(name.toLowerCase())) headers[name] = result.headerValues[name];
  await queryRow(Prisma.sql`
    UPDATE "IdempotencyKey" SET "state" = 'COMPLETED', "lockId" = NULL, "lockedUntil" = NULL,
      "responseStatus" = ${result.status}, "responseHeaders" = ${JSON.stringify(headers)}::jsonb, "responseBody" = ${result.body}
    WHERE "userId" = ${userId}::uuid AND "key" = ${key} AND "lockId" = ${lockId}::uuid`);
}

async function renewLock({ userId, key, lockId }: Reservation) {
  const lockedUntil = new Date(Date.now() + IDEMPOTENCY_LOCK_MS);
  await queryRow(Prisma.sql`
    UPDATE "IdempotencyKey" SET "lockedUntil" = ${lockedUntil}
    WHERE "userId" = ${userId}::uuid AND "key" = ${key} AND "lockId" = ${lockId}::uuid`);
}

function replayOf(row: KeyRow): JsonResponse {
  return json(JSON.parse(row.responseBody ?? "null"), row.responseStatus ?? 200, {
    ...(row.responseHeaders ?? {}),
    "Idempotent-Replayed": "true",
  });
}

/** The request as the handler reads it: the body already read (to hash it), given again as text or stream. */
class BufferedRequest implements ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: ApiRequest["headers"];
  constructor(
    request: ApiRequest,
    private readonly bodyText: string,
  ) {
    this.method = request.method;
    this.url = request.url;
    this.headers = request.headers;
  }
  private stream: ReadableStream<Uint8Array> | null = null;
  /** The same stream on every read, as a web Request's. */
  get body(): ReadableStream<Uint8Array> {
    this.stream ??= new Blob([this.bodyText]).stream();
    return this.stream;
  }
  async text(): Promise<string> {
    return this.bodyText;
  }
}
