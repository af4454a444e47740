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

/** Any thrown value → an AppError; unexpected ones are logged here and become a generic 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
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
