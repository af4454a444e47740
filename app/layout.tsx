import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "TiKiT", template: "%s · TiKiT" },
  description: "The operating system of an influencer-marketing agency",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the Content-Security-Policy nonce from proxy.ts differs each time, and
  // a page prerendered at build time would carry scripts without it.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">{children}</body>
    </html>
  );
}
