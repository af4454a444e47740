import { clsx, type ClassValue } from "clsx";
import { createTailwindMerge } from "tailwind-merge";
import { TW_MERGE_CONFIG } from "@/lib/tw-merge-config";

// tailwind-merge with only the class groups the sources use (lib/tw-merge-config.ts, generated): the same merges as
// its default twMerge for these classes (tests/unit/tw-merge-config.test.ts), without shipping its table of every
// Tailwind utility to each page (issue 14, npm run bench:js).
const twMerge = createTailwindMerge(() => TW_MERGE_CONFIG);

/** Joins class names; of two classes that set the same thing (`px-2 px-4`), the later one wins. */
export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Dates are stored in UTC; until users pick a zone (a later issue) they are shown in UTC, labelled. */
export function formatDate(value: Date | string | null | undefined) {
  return value ? dateFormat.format(new Date(value)) : "—";
}

export function formatDateTime(value: Date | string | null | undefined) {
  return value ? `${dateTimeFormat.format(new Date(value))} UTC` : "—";
}
