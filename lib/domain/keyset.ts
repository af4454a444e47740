import "server-only";
import { AppError } from "@/lib/errors";

// Keyset pages for the lists (campaigns, clients, the approval queue): `after` is an opaque cursor holding the
// order it belongs to, the last row's sort key and id, and how many rows came before the next page (for "Showing
// 26–50"). The next page is the rows after that position in the order, read from an index, never an OFFSET; a
// row that changed or left the list since does not invalidate the position. The directory's cursor
// (search-influencers.ts) is the same idea with more keys.

/** The key of the last row (null: a nullable sort column's NULL), its id, and the rows before the next page. */
export type Keyset = { key: string | number | null; id: string; n: number };

type Raw = { o?: unknown; k?: unknown; i?: unknown; n?: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor that is not one of this list's, in the order asked for: bad input (400 naming `after`). */
export function invalidAfter() {
  return new AppError("VALIDATION_FAILED", "Check after: it is not a cursor of this list (start from the first page)", {
    fields: { after: "Not a cursor of this list" },
  });
}

/** The cursor of the page after `row` (its sort key and id) in `order`, `n` rows having come before it. */
export function encodeKeyset(order: string, cursor: Keyset): string {
  return Buffer.from(JSON.stringify({ o: order, k: cursor.key, i: cursor.id, n: cursor.n })).toString("base64url");
}

/** What a sort key may be, checked before it reaches SQL (a value the column's cast refuses would be a 500). */
export const KEY_KINDS = {
  text: (k: unknown) => typeof k === "string" && k.length <= 500,
  int: (k: unknown) => typeof k === "number" && Number.isSafeInteger(k),
  time: (k: unknown) => typeof k === "string" && isTime(k),
  /** A date column's day, or null (its NULLs sort last). */
  nullableDay: (k: unknown) => k === null || (typeof k === "string" && /^\d{4}-\d{2}-\d{2}$/.test(k) && isTime(k)),
  oneOf: (values: readonly string[]) => (k: unknown) => typeof k === "string" && values.includes(k),
};

/**
 * The position a cursor of `order` names; anything else (not base64url JSON, another order, a key `validKey`
 * refuses, no id) throws invalidAfter.
 */
export function decodeKeyset(raw: string, order: string, validKey: (key: unknown) => boolean): Keyset {
  let value: Raw | null;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Raw | null;
  } catch {
    throw invalidAfter();
  }
  if (!value || typeof value !== "object" || value.o !== order) throw invalidAfter();
  const { k, i, n } = value;
  if (typeof i !== "string" || !UUID.test(i)) throw invalidAfter();
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 10_000_000) throw invalidAfter();
  if (!validKey(k)) throw invalidAfter();
  return { key: k as Keyset["key"], id: i, n };
}

/** An ISO timestamp or date as the lists write them (toISOString, or YYYY-MM-DD). */
function isTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/.test(value) && !Number.isNaN(Date.parse(value));
}
