import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// Money arithmetic and formatting. Amounts are Prisma.Decimal (decimal.js) in the domain and decimal strings
// ("1234.50") in JSON; a JS number never carries an amount. Rounding to cents is half-up (commercial rounding).

export const Decimal = Prisma.Decimal;
export type Dec = Prisma.Decimal;
/** Anything an amount may be given as: a decimal string, a Decimal (a number only for quantities and counts). */
export type DecValue = string | number | Prisma.Decimal;
export const ZERO = new Prisma.Decimal(0);

export function dec(value: DecValue | null | undefined): Prisma.Decimal {
  return value === null || value === undefined ? ZERO : new Prisma.Decimal(value);
}

/** Rounds to cents, half away from zero. */
export function cents(value: DecValue): Prisma.Decimal {
  return new Prisma.Decimal(value).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
}

/** "1234.50": the JSON form of an amount. */
export function money(value: DecValue | null | undefined): string {
  return cents(dec(value)).toFixed(2);
}

export function sum(values: Iterable<DecValue>): Prisma.Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * Splits an amount into `parts` shares that differ by at most one cent and add up exactly: the first
 * shares take the leftover cents (100.00 / 3 → 33.34, 33.33, 33.33).
 */
export function splitEvenly(amount: DecValue, parts: number): Prisma.Decimal[] {
  if (!Number.isInteger(parts) || parts < 1) throw new Error("parts must be a positive integer");
  const totalCents = cents(amount).times(100);
  const base = totalCents.dividedToIntegerBy(parts);
  const rest = totalCents.minus(base.times(parts)).toNumber();
  return Array.from({ length: parts }, (_, i) => base.plus(i < rest ? 1 : 0).dividedBy(100));
}

export type LineAmounts = { amount: Prisma.Decimal; tax: Prisma.Decimal };

/** One line: amount = quantity × unit price, tax = amount × rate %, each rounded to cents. */
export function lineAmounts(line: { quantity: DecValue; unitPrice: DecValue; taxRate: DecValue }): LineAmounts {
  const amount = cents(dec(line.quantity).times(line.unitPrice));
  const tax = cents(amount.times(line.taxRate).dividedBy(100));
  return { amount, tax };
}

/** Subtotal, tax and total of a set of lines: the sum of the rounded line figures. */
export function totalsOf(lines: readonly { quantity: DecValue; unitPrice: DecValue; taxRate: DecValue }[]) {
  let subtotal = ZERO;
  let taxAmount = ZERO;
  for (const line of lines) {
    const { amount, tax } = lineAmounts(line);
    subtotal = subtotal.plus(amount);
    taxAmount = taxAmount.plus(tax);
  }
  return { subtotal, taxAmount, total: subtotal.plus(taxAmount) };
}

/**
 * A rounded amount for the creator's eyes: "£48K", "€1.2K", "$950", "£1.3M". Below 1,000: whole units
 * rounded to tens; thousands with one decimal under 10K, none above; millions with one decimal.
 */
export function roundedMoney(amount: DecValue, currency: string): string {
  const value = dec(amount);
  const symbol = currencySymbol(currency);
  const abs = value.abs();
  let text: string;
  if (abs.lt(1000)) text = abs.dividedBy(10).toDecimalPlaces(0, Prisma.Decimal.ROUND_HALF_UP).times(10).toFixed(0);
  else if (abs.lt(10_000))
    text = `${trimZero(abs.dividedBy(1000).toDecimalPlaces(1, Prisma.Decimal.ROUND_HALF_UP).toFixed(1))}K`;
  else if (abs.lt(999_500))
    text = `${abs.dividedBy(1000).toDecimalPlaces(0, Prisma.Decimal.ROUND_HALF_UP).toFixed(0)}K`;
  else text = `${trimZero(abs.dividedBy(1_000_000).toDecimalPlaces(1, Prisma.Decimal.ROUND_HALF_UP).toFixed(1))}M`;
  return `${value.isNegative() && !value.isZero() ? "-" : ""}${symbol}${text}`;
}

function trimZero(text: string) {
  return text.endsWith(".0") ? text.slice(0, -2) : text;
}

export function currencySymbol(currency: string): string {
  const part = new Intl.NumberFormat("en-GB", { style: "currency", currency, currencyDisplay: "narrowSymbol" })
    .formatToParts(0)
    .find((p) => p.type === "currency");
  return part?.value ?? `${currency} `;
}
