// What the finance e2e flow uses, per demo agency slug (seeded by scripts/seed/demo/finance.ts): a campaign of the
// client user's client in budget review without a budget, and an approved, not yet issued client invoice.
// No imports, so Playwright specs can import it without loading Prisma.
export const FINANCE_E2E = {
  northwind: {
    campaign: "Lumière Holiday Gift Sets",
    invoice: "Holiday Gift Sets — deposit",
    client: "Lumière Cosmetics",
  },
  blueharbor: { campaign: "Tidal Holiday Bundles", invoice: "Holiday Bundles — deposit", client: "Tidal Audio" },
} as const;
