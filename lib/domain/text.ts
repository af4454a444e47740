import { z } from "zod";

// Text from outside (JSON bodies, query strings, form fields, CSV cells) refuses control characters, in one
// place: PostgreSQL refuses NUL (0x00) outright (a 500 before this rule), and the other C0/C1 controls are
// never typed by a person but do break CSV exports, e-mails, headers and terminals downstream. Tab and line
// breaks are allowed: multi-line fields (notes, briefs, comments) need them, and a browser submits a
// textarea's line breaks as CRLF, so CR is allowed as part of a line break (docs/decisions.md, "Input at the
// edges"). Pure: the forms in the browser check with the same rule.

/** Unicode control characters (category Cc) other than tab (U+0009), line feed (U+000A) and carriage return (U+000D). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const WITHOUT_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;

export const CONTROL_CHARACTER_MESSAGE = "Remove the control characters: only tabs and line breaks are allowed";

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/**
 * The string schema every domain schema builds on: `text()` instead of `z.string()`, with the same options
 * (`text({ error: "Enter a name" }).trim().min(1)`). The check runs before any trim or transform.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).regex(WITHOUT_CONTROL_CHARACTERS, CONTROL_CHARACTER_MESSAGE);
}
