/** URL query → plain object for zod (repeated keys become arrays). */
export function queryObject(request: { url: string }): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const existing = result[key];
    result[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  }
  return result;
}
