import { NextResponse, type NextRequest } from "next/server";
import { sessionIdFromCookieHeader } from "@/lib/auth/session-cookie";

// Only authenticates (reads the session cookie) and sets the security headers that need a per-request
// nonce. Which portal a user may open is decided by each portal's layout, and again by every domain function.
// The cookie is read with lib/auth/session-cookie.ts, not Auth.js's auth(): a map lookup per request instead of a
// decryption, a re-encryption and three Set-Cookie headers on every page (docs/decisions.md).

const PUBLIC = [/^\/login(\/|$)/, /^\/invite\//, /^\/forgot-password$/, /^\/reset-password\//];

function contentSecurityPolicy(nonce: string) {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Passes the request on with the per-request nonce and the security headers. */
function next(request: NextRequest, path: string) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-tikit-path", path);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Pages only. The JSON API (pages/api) is left out of the proxy entirely: every API handler authenticates itself
// (withAuth decrypts the cookie and checks the Session row; the authorization matrix test fails for a handler
// that does not, and a request without a session gets the same 401 body), the API's security headers are
// static (next.config.ts), and going through the proxy cost every API request a second pass through Next's
// request pipeline: `GET /api/health` served 628 req/s with it and 1,143 without on the bench machine. It also
// keeps the upload route's body unbuffered: with a proxy in front, Next.js clones the request body
// (proxyClientMaxBodySize, 10 MB by default) and cuts off the rest.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC.some((pattern) => pattern.test(pathname));
  if (!isPublic && !(await sessionIdFromCookieHeader(request.headers.get("cookie")))) {
    const login = new URL("/login", request.nextUrl.origin);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  return next(request, pathname + search);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
