// The value lists and labels of the client forms, without zod: client components import them from here, so that
// the schemas (and zod) stay out of the pages' first-load JavaScript (issue 14, npm run bench:js). The schemas
// re-export them.

export const CLIENT_STATUSES = ["PROSPECT", "ACTIVE", "INACTIVE"] as const;
export const CURRENCIES = ["EUR", "GBP", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD"] as const;
export const CONTACT_CHANNELS = ["EMAIL", "PHONE", "SMS", "WHATSAPP"] as const;
