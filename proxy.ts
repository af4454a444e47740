import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/auth.config";

// Only authenticates (reads the session cookie) and sets the security headers that need a per-request
// nonce. Which portal a user may open is decided by each portal's layout, and again by every domain function.

const { auth } = NextAuth(authConfig);

const PUBLIC = [/^\/login(\/|$)/, /^\/invite\//, /^\/forgot-password$/, /^\/reset-password\//, /^\/api\/auth\//, /^\/api\/health$/, /^\/api\/openapi\.json$/];

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

export const proxy = auth((request) => {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC.some((pattern) => pattern.test(pathname));
  if (!request.auth && !isPublic) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue" } }, { status: 401 });
    }
    const login = new URL("/login", request.nextUrl.origin);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-tikit-path", pathname + search);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
});

// The content upload route is left out: with a proxy in front, Next.js clones and buffers the request body
// (experimental.proxyClientMaxBodySize, 10 MB by default, the rest cut off), which would truncate a video and
// hold it in memory. The route handler authenticates itself (withAuth) and streams the body to the storage.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|api/content/tasks/[^/]+/artifacts$).*)"],
};
