import "server-only";
import type { ZodType, z } from "zod";
import { revalidatePath } from "next/cache";
import { requireAuthContext } from "@/lib/auth/session";
import type { AuthContext } from "@/lib/auth/context";
import { can, type Permission } from "@/lib/auth/permissions";
import { assertSameOrigin } from "@/lib/auth/same-origin";
import { toErrorResponse, type ApiRequest, type ApiResult, type RouteContext } from "@/lib/api/http";
import { withIdempotency } from "@/lib/api/idempotency";
import { AppError, toAppError, toErrorBody, type ErrorBody } from "@/lib/errors";

// The two entry-point wrappers. Each takes the permission it requires; there is no way to declare an
// entry point without one. The domain function checks again and scopes its query: this is the first gate.

function assertPermission(ctx: AuthContext, permission: Permission | readonly Permission[]) {
  const any = typeof permission === "string" ? [permission] : permission;
  if (!any.some((p) => can(ctx, p))) throw new AppError("FORBIDDEN", "You do not have permission to do this");
}

type Handler = (request: ApiRequest, args: { ctx: AuthContext; params: Record<string, string> }) => Promise<ApiResult>;

/**
 * API handler wrapper (pages/api, through apiRoute): authenticates from the request's cookie, checks the permission (or any one of a list, for the few routes that
 * staff, clients and creators share, e.g. a content file: the domain function then scopes by who calls),
 * honours an `Idempotency-Key` on POST and PATCH (lib/api/idempotency.ts), and answers every error as JSON.
 */
export function withAuth(handler: Handler, options: { permission: Permission | readonly Permission[] }) {
  return async (request: ApiRequest, route: RouteContext): Promise<ApiResult> => {
    try {
      // The caller is authenticated by the session cookie, which a browser sends on other sites' requests too:
      // unsafe methods from a foreign origin are refused before anything is read. API keys (`Authorization:
      // Bearer`, DESIGN.md section 4) are not cookie-bound and will skip this check where they are authenticated.
      assertSameOrigin(request);
      const ctx = await requireAuthContext(request.headers);
      assertPermission(ctx, options.permission);
      const params = (await route?.params) ?? {};
      return await withIdempotency(request, ctx, (req) => handler(req, { ctx, params }));
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & ErrorBody);

/**
 * Server action wrapper: authenticates, checks the permission, validates the input with the zod schema
 * the form shares, runs the domain function and returns a result the form can show (never throws, never
 * leaks a stack trace). `revalidate` lists the paths whose server-rendered data the action changes.
 */
export function authedAction<S extends ZodType, T>(
  options: { permission: Permission; schema: S; revalidate?: (input: z.output<S>) => string[] },
  run: (ctx: AuthContext, input: z.output<S>) => Promise<T>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const ctx = await requireAuthContext();
      assertPermission(ctx, options.permission);
      const input = options.schema.parse(raw);
      const data = await run(ctx, input);
      for (const path of options.revalidate?.(input) ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, ...toErrorBody(toAppError(error)) };
    }
  };
}

/**
 * For the few actions a signed-out visitor must reach (sign in, accept an invitation, reset a password):
 * the same validation and error handling, declared public on purpose.
 */
export function publicAction<S extends ZodType, T>(options: { schema: S }, run: (input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await run(options.schema.parse(raw)) };
    } catch (error) {
      return { ok: false, ...toErrorBody(toAppError(error)) };
    }
  };
}
