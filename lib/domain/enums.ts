import type { DeliverableType, Platform } from "@/lib/generated/prisma/enums";

// The value lists of enums that several areas' schemas and forms share, written once. `satisfies` keeps
// them in step with the Prisma schema; plain literals so that client components can import them.

export const PLATFORMS = [
  "INSTAGRAM",
  "TIKTOK",
  "YOUTUBE",
  "X",
  "LINKEDIN",
  "TWITCH",
  "PINTEREST",
  "SNAPCHAT",
] as const satisfies readonly Platform[];

export const DELIVERABLE_TYPES = [
  "INSTAGRAM_POST",
  "INSTAGRAM_REEL",
  "INSTAGRAM_STORY",
  "TIKTOK_VIDEO",
  "YOUTUBE_VIDEO",
  "YOUTUBE_SHORT",
  "X_POST",
  "LINKEDIN_POST",
  "BLOG_POST",
  "OTHER",
] as const satisfies readonly DeliverableType[];
