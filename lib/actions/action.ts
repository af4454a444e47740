import "server-only";
import type { ZodType, z } from "zod";
import { revalidatePath } from "next/cache";
import { requireAuthContext } from "@/lib/auth/session";
import type { AuthContext } from "@/lib/auth/context";
import { assertPermission } from "@/lib/auth/assert-permission";
import type { Permission } from "@/lib/auth/permissions";
import { toAppError, toErrorBody, type ErrorBody } from "@/lib/errors";

// The server actions' wrappers, beside the actions (lib/actions/<area>.ts). Not a "use server" file: such a
// file may export only async functions, and these build them. Each authenticated action takes the permission
// it requires; the domain function checks again and scopes its query. The API's twin is lib/api/with-auth.ts.

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
