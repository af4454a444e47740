import { text } from "@/lib/domain/text";

// Pure (safe for the browser): the list schemas' shared query parameters.

/** `after`: the keyset cursor of the next page (`page.next` of the previous answer); `page` is then ignored. */
export const afterParam = () =>
  text()
    .trim()
    .max(400, "after is not a valid cursor")
    .regex(/^[A-Za-z0-9_-]*$/, "after is not a valid cursor")
    .optional()
    .transform((v) => (v ? v : undefined));
