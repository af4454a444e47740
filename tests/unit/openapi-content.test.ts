import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

// Every content route handler is described in the OpenAPI document.
describe("OpenAPI: content", () => {
  it("lists every content path with its methods", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const expected: [string, string][] = [
      ["/api/campaigns/{id}/content-tasks", "get"],
      ["/api/campaigns/{id}/content-tasks", "post"],
      ["/api/campaigns/{id}/content-totals", "get"],
      ["/api/campaigns/{id}/content-metrics", "post"],
      ["/api/content/tasks/{id}", "get"],
      ["/api/content/tasks/{id}", "patch"],
      ["/api/content/tasks/{id}/respond", "post"],
      ["/api/content/tasks/{id}/cancel", "post"],
      ["/api/content/tasks/{id}/artifacts", "post"],
      ["/api/content/tasks/{id}/compare", "get"],
      ["/api/content/tasks/{id}/publication", "post"],
      ["/api/content/artifacts/{id}/file", "get"],
      ["/api/content/artifacts/{id}/review", "post"],
      ["/api/content/artifacts/{id}/send-to-client", "post"],
      ["/api/content/artifacts/{id}/comments", "post"],
      ["/api/creator/tasks", "get"],
      ["/api/creator/tasks/{id}/complete", "patch"],
    ];
    for (const [path, method] of expected) expect(paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    expect(JSON.stringify(paths["/api/content/tasks/{id}/artifacts"])).toContain("multipart/form-data");
  });
});
