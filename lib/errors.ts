import "server-only";
import { ZodError } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

// One error type for every rule the domain refuses, one table from its code to an HTTP status, one place
// that turns any thrown value into the error body of DESIGN.md section 4.

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  UNPROCESSABLE: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string>;
export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldErrors } };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { fields?: FieldErrors; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);

/** Field path → first message, e.g. { "email": "Enter a valid e-mail address" }. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

function describeFields(fields: FieldErrors) {
  const names = Object.keys(fields).filter((key) => key !== "_");
  return names.length ? `Check ${names.join(", ")}: ${fields[names[0]]}` : (fields._ ?? "The input is not valid");
}

/** Seconds a client is asked to wait before retrying when the database is unreachable or timed out. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// What says "the database cannot be reached or did not answer in time", wherever it sits in the chain: Prisma 7
// wraps the pg adapter's errors (meta.driverAdapterError, its cause), pg and pg-pool throw plain Errors (some with
// a cause). SQLSTATE class 08 (connection exception), 57P01-57P03 (shut down, crash, cannot connect now), 57014
// (statement timeout or cancelled), 55P03 (lock timeout), 53300 (too many connections); Prisma's P1001/P1002
// (not reachable), P1008 (timed out), P1017 (connection closed), P2024 (no pooled connection in time), P2028
// (interactive transaction timed out or closed); lib/db/client.ts's own deadline.
const UNAVAILABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "57014",
  "55P03",
  "53300",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2028",
  "TIKIT_QUERY_DEADLINE",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error and is not queryable)/;

/** True when `error` (or anything in its cause chain) says the database is unreachable or timed out. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const item = queue.shift();
    if (!item || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    const { code, originalCode, kind, message, cause, meta } = item as Record<string, unknown>;
    for (const value of [code, originalCode]) {
      if (typeof value === "string" && (UNAVAILABLE_CODES.has(value) || /^08[0-9A-Z]{3}$/.test(value))) return true;
    }
    if (typeof kind === "string" && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    queue.push(cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return false;
}

/** Any thrown value → an AppError; unexpected ones are logged here and become a generic 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    // Expected in an outage, and each request would log the same stack: one line.
    console.error("[db unavailable]", error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error));
    return new AppError(
      "SERVICE_UNAVAILABLE",
      "The service is temporarily unavailable. Please try again in a moment.",
      {
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      },
    );
  }
  if (error instanceof ZodError) {
    const fields = zodFieldErrors(error);
    return new AppError("VALIDATION_FAILED", describeFields(fields), { fields });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      const target = (error.meta?.target as string[] | string | undefined) ?? [];
      const fields = Array.isArray(target) ? target : [target];
      const named = fields.filter((f) => f !== "agencyId");
      return new AppError("CONFLICT", `A record with this ${named.join(", ") || "value"} already exists`, {
        fields: Object.fromEntries(named.map((f) => [f, "Already taken"])),
      });
    }
    if (error.code === "P2025") return new AppError("NOT_FOUND", "Not found");
  }
  console.error("[unexpected error]", error);
  return new AppError("INTERNAL", "Something went wrong. It has been logged; please try again.");
}

export function toErrorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
}
