import fs from "node:fs";
import { describe, expect, it } from "vitest";

// The content upload route must stay out of the proxy: with a proxy in front, Next.js clones and buffers the
// request body (proxyClientMaxBodySize, 10 MB by default) and cuts off the rest. Everything else stays in.
// (npm run bench:upload proves it against the production server: 200 MB arrive with the same SHA-256.)
describe("proxy matcher", () => {
  const source = fs.readFileSync("proxy.ts", "utf8");
  const matcher = /matcher:\s*\["([^"]+)"\]/.exec(source)?.[1];
  const matches = (pathname: string) => new RegExp(`^${matcher}$`).test(pathname);
  const id = "3f1c2a9e-2b7d-4c1e-9a55-0c3e6f7a8b9d";

  it("leaves out only the upload route", () => {
    expect(matcher).toBeTruthy();
    expect(matches(`/api/content/tasks/${id}/artifacts`)).toBe(false);
    for (const path of ["/agency", "/api/campaigns", `/api/content/tasks/${id}`, `/api/content/tasks/${id}/respond`, `/api/content/artifacts/${id}/file`, `/api/content/tasks/${id}/artifacts/x`]) expect(matches(path), path).toBe(true);
  });
});
