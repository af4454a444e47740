import "server-only";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from "@/lib/domain/text";
import { AppError, type FieldErrors } from "@/lib/errors";

/**
 * URL query → plain object for zod (repeated keys become arrays). A control character in any parameter (its
 * name or value) is refused here with 400 naming it, whether or not the list's schema reads that parameter
 * (`?q=%00` was a 500: PostgreSQL refuses NUL).
 */
export function queryObject(request: { url: string }): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  const refused: FieldErrors = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    if (hasControlCharacter(key) || hasControlCharacter(value)) refused[key] ??= CONTROL_CHARACTER_MESSAGE;
    const existing = result[key];
    result[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  }
  const names = Object.keys(refused);
  if (names.length)
    throw new AppError("VALIDATION_FAILED", `Check ${names.join(", ")}: ${CONTROL_CHARACTER_MESSAGE}`, {
      fields: refused,
    });
  return result;
}
