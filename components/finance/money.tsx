import { formatMoney } from "@/lib/domain/format-money";
import { cn } from "@/lib/utils";

// Amounts arrive as decimal strings ("1234.50"): they are formatted by the one formatter (lib/domain/format-money.ts)
// and added up in integer minor units, never in floats.

export function Money({
  amount,
  currency,
  className,
}: {
  amount: string | null | undefined;
  currency: string;
  className?: string;
}) {
  return <span className={cn("tabular-nums whitespace-nowrap", className)}>{formatMoney(amount, currency)}</span>;
}

/** A decimal string → integer hundredths (BigInt), rounding half away from zero past two places. */
export function toCents(value: string): bigint | null {
  const m = /^\s*(-)?(\d*)(?:\.(\d*))?\s*$/.exec(value);
  if (!m || (!m[2] && !m[3])) return null;
  const frac = (m[3] ?? "").padEnd(3, "0");
  let cents = BigInt(m[2] || "0") * 100n + BigInt(frac.slice(0, 2));
  if (Number(frac[2]) >= 5) cents += 1n;
  return m[1] ? -cents : cents;
}

/** Integer hundredths → "1234.56". */
export function centsToString(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** Thousandths of a unit (quantities have three decimals). */
function toMilli(value: string): bigint | null {
  const m = /^\s*(\d*)(?:\.(\d{0,3}))?\s*$/.exec(value);
  if (!m || (!m[1] && !m[2])) return null;
  return BigInt(m[1] || "0") * 1000n + BigInt((m[2] ?? "").padEnd(3, "0"));
}

function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  return r * 2n >= d ? q + 1n : q;
}

export type LineAmounts = { net: bigint; tax: bigint };

/** A line's net amount and tax in hundredths, or null while a field is not a number. Preview only: the server recomputes. */
export function lineAmounts(line: { quantity: string; unitPrice: string; taxRate: string }): LineAmounts | null {
  const qty = toMilli(line.quantity);
  const price = toCents(line.unitPrice);
  const rate = toCents(line.taxRate || "0");
  if (qty === null || price === null || rate === null || price < 0n) return null;
  const net = divRound(qty * price, 1000n);
  const tax = divRound(net * rate, 10000n);
  return { net, tax };
}
