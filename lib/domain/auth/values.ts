// The value lists and labels of the account forms, without zod: client components import them from here, so that
// the schemas (and zod) stay out of the pages' first-load JavaScript (issue 14, npm run bench:js). The schemas
// re-export them.

export const ROLE_VALUES = ["CM", "DIR", "FIN", "ADM", "CLIENT", "INF"] as const;
