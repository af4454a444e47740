import { describe, expect, test } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { proxy } from "@/proxy";

// proxy.ts reads the Auth.js session cookie itself (lib/auth/session-cookie.ts) instead of calling auth(), which
// decrypted and re-encrypted it on every page and answered each with three Set-Cookie headers. A stable cookie is
// what lets the per-value decode memory hit on the next request (issue 14; docs/decisions.md).

const NAME = "authjs.session-token";
const SID = "3f1c2a9e-2b7d-4c1e-9a55-0c3e6f7a8b9d";

async function cookieFor(claims: Record<string, unknown> = {}, maxAge?: number) {
  return encode({ token: { sub: "u", sid: SID, ...claims }, secret: process.env.AUTH_SECRET!, salt: NAME, maxAge });
}

function request(path: string, cookie?: string) {
  return new NextRequest(new URL(path, "http://tikit.test"), {
    headers: cookie ? { cookie: `${NAME}=${cookie}` } : {},
  });
}

describe("proxy: signed in or sent to /login", () => {
  test("a valid session cookie passes, with the security headers and no Set-Cookie (the cookie is not renewed)", async () => {
    const response = await proxy(request("/agency/campaigns?status=LIVE", await cookieFor()));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(response.headers.get("set-cookie")).toBeNull();
    // The same cookie again: answered from memory, still no Set-Cookie.
    const again = await proxy(request("/agency", await cookieFor()));
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(again.headers.get("x-middleware-next")).toBe("1");
  });

  test.each([
    ["no cookie", undefined],
    ["a tampered cookie", "tampered"],
    ["another secret's cookie", "other-secret"],
    ["an expired cookie", "expired"],
  ])("%s: redirected to /login with the page as callbackUrl", async (_label, kind) => {
    let cookie: string | undefined;
    if (kind === "tampered") {
      const good = await cookieFor();
      cookie = good.slice(0, -6) + (good.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    } else if (kind === "other-secret") {
      cookie = await encode({ token: { sid: SID }, secret: "another-secret-another-secret-another", salt: NAME });
    } else if (kind === "expired") {
      cookie = await cookieFor({}, -60);
    }
    const response = await proxy(request("/agency/campaigns?status=LIVE", cookie));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe("/agency/campaigns?status=LIVE");
  });

  test("public pages pass without a cookie; / redirects to /login without a callbackUrl", async () => {
    for (const path of ["/login", "/forgot-password", "/invite/abc", "/reset-password/abc"]) {
      const response = await proxy(request(path));
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
    const root = await proxy(request("/"));
    expect(new URL(root.headers.get("location")!).search).toBe("");
  });
});
