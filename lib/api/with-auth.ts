import "server-only";
import { requireAuthContext } from "@/lib/auth/session";
import type { AuthContext } from "@/lib/auth/context";
import { assertPermission } from "@/lib/auth/assert-permission";
import type { Permission } from "@/lib/auth/permissions";
import { assertSameOrigin } from "@/lib/auth/same-origin";
import { toErrorResponse, type ApiRequest, type ApiResult, type RouteContext } from "@/lib/api/http";
import { withIdempotency } from "@/lib/api/idempotency";

// The API handlers' wrapper. It takes the permission it requires; there is no way to declare a handler
// without one. The server actions' twin is lib/actions/action.ts.

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
