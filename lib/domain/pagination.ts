import "server-only";
import { AppError } from "@/lib/errors";

// Lists page two ways: page numbers for the UI, a cursor (the last id seen) for the API. One row more
// than asked tells whether there is a next page.

export type PageInput = { take: number; page?: number; cursor?: string };

/** Prisma's take/skip/cursor for one page. */
export function pageArgs(input: PageInput) {
  return {
    take: input.take + 1,
    ...(input.cursor
      ? { cursor: { id: input.cursor }, skip: 1 }
      : input.page
        ? { skip: (input.page - 1) * input.take }
        : {}),
  };
}

/** The page of rows fetched with pageArgs, with its total and the cursor of the next page. */
export function pageResult<T extends { id: string }>(rows: T[], total: number, input: PageInput) {
  const items = rows.slice(0, input.take);
  return {
    items,
    total,
    page: input.cursor ? null : (input.page ?? 1),
    pageSize: input.take,
    nextCursor: rows.length > input.take ? items[items.length - 1].id : null,
  };
}

/** A cursor must name a row the caller can see in this list; anything else is bad input. */
export function invalidCursor() {
  return new AppError("VALIDATION_FAILED", "cursor is not valid for this list", {
    fields: { cursor: "Not valid for this list" },
  });
}
