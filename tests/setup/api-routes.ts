import fs from "node:fs";
import path from "node:path";
import type { ApiResult } from "@/lib/api/http";

// The JSON API's routes as the tests discover them: every file under pages/api is a route, serving the HTTP
// methods it exports (tests/unit/api-http.test.ts holds each file to that; the authorization matrix walks the
// same folder). Tests that must cover every route walk this list instead of keeping one by hand.

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type RouteHandler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<ApiResult>;
export type DiscoveredRoute = { file: string; method: HttpMethod; source: string; handler: RouteHandler };

/** Every file under pages/api, relative to the checkout ("pages/api/clients/[id]/index.ts"). */
export function apiRouteFiles(dir = "pages/api", found: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(process.cwd(), dir), { withFileTypes: true })) {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) apiRouteFiles(relative, found);
    else found.push(relative);
  }
  return found.sort();
}

/** Every exported method of every route file, with the file's source (to see what it reads). */
export async function apiRouteHandlers(): Promise<DiscoveredRoute[]> {
  const routes: DiscoveredRoute[] = [];
  for (const file of apiRouteFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
    const source = fs.readFileSync(path.join(process.cwd(), file), "utf8");
    for (const method of HTTP_METHODS)
      if (typeof mod[method] === "function")
        routes.push({ file, method, source, handler: mod[method] as RouteHandler });
  }
  return routes;
}

/** The dynamic segments of a route file ("[id]", "[socialId]") with one value each, and its URL path. */
export function routeTarget(
  file: string,
  value: (segment: string) => string,
): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const parts = file
    .replace(/^pages/, "")
    .replace(/\/index\.ts$/, "")
    .split("/")
    .map((part) => {
      const segment = /^\[(.+)\]$/.exec(part)?.[1];
      if (!segment) return part;
      params[segment] = value(segment);
      return params[segment];
    });
  return { path: parts.join("/"), params };
}
