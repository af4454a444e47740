import fs from "node:fs";
import { describe, expect, it } from "vitest";

// The proxy runs for pages only. The JSON API authenticates in each handler (withAuth) and must stay out:
// with a proxy in front, Next.js clones and buffers the request body (proxyClientMaxBodySize, 10 MB by
// default) and cuts off the rest of an upload, and every API call pays a second pass through the pipeline.
// (npm run bench:upload proves the upload against the production server: 200 MB arrive with the same SHA-256.)
describe("proxy matcher", () => {
  const source = fs.readFileSync("proxy.ts", "utf8");
  const matcher = /matcher:\s*\["([^"]+)"\]/.exec(source)?.[1];
  const matches = (pathname: string) => new RegExp(`^${matcher}$`).test(pathname);
  const id = "3f1c2a9e-2b7d-4c1e-9a55-0c3e6f7a8b9d";

  it("covers every page and leaves out the API and static files", () => {
    expect(matcher).toBeTruthy();
    for (const path of [
      "/api/campaigns",
      `/api/content/tasks/${id}/artifacts`,
      `/api/content/artifacts/${id}/file`,
      "/api/auth/session",
      "/_next/static/chunks/a.js",
      "/favicon.ico",
    ])
      expect(matches(path), path).toBe(false);
    for (const path of ["/", "/agency", "/login", `/agency/campaigns/${id}/content`, "/client/approvals", "/apiary"])
      expect(matches(path), path).toBe(true);
  });
});
