import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { CURRENCIES } from "@/lib/domain/clients/schemas";
import { formatFee, formatMoney } from "@/lib/domain/format-money";

// The one money formatter (issue 13) replaced four copies; it must show what they showed. The copies formatted a
// decimal string with Intl (en-GB, two decimals) or, for fees, as "<code> 1,234.50" with "Fee to agree".
const AMOUNTS = [
  "0",
  "0.5",
  "12",
  "1234.5",
  "1234567.89",
  "48000.00",
  "-12.34",
  "999.995",
  "1234.565",
  "10000000000000000.01",
];

describe("formatMoney", () => {
  it.each(CURRENCIES)("%s: as Intl's currency format shows it, from the digits (no float)", (currency) => {
    const intl = new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    for (const amount of AMOUNTS)
      expect(formatMoney(amount, currency), amount).toBe(intl.format(amount as unknown as number));
  });

  it("takes a decimal string or a Decimal", () => {
    expect(formatMoney("1234567.5", "EUR")).toBe("€1,234,567.50");
    expect(formatMoney(new Prisma.Decimal("48000"), "GBP")).toBe("£48,000.00");
  });

  it("shows an absent amount as a dash, or as asked", () => {
    expect(formatMoney(null, "EUR")).toBe("—");
    expect(formatMoney(undefined, "EUR")).toBe("—");
    expect(formatMoney("", "EUR")).toBe("—");
    expect(formatMoney(null, "EUR", { empty: "n/a" })).toBe("n/a");
  });

  it("formats a fee with its currency code, as the shortlist and content pages did", () => {
    expect(formatFee("1500", "EUR")).toBe("EUR 1,500.00");
    expect(formatFee("1234.5", "GBP")).toBe("GBP 1,234.50");
    expect(formatFee(null, "EUR")).toBe("Fee to agree");
  });
});
