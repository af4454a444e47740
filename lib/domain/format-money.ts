// The one money formatter, pure so that server views and client components show amounts alike. Amounts are
// decimal strings (or Decimals): they are formatted from their digits, rounded half away from zero to cents
// in integer arithmetic, never through a float.

type DecimalLike = { toFixed(digits: number): string };

export type MoneyFormat = {
  /** What an absent amount shows as (default "—"). */
  empty?: string;
  /** "symbol" (default): "€1,234.50"; "code": "EUR 1,234.50". */
  display?: "symbol" | "code";
};

const grouping = new Intl.NumberFormat("en-GB", { useGrouping: true });

/** "1234.5", "EUR" → "€1,234.50". */
export function formatMoney(
  amount: string | DecimalLike | null | undefined,
  currency: string,
  format: MoneyFormat = {},
): string {
  if (amount === null || amount === undefined || amount === "") return format.empty ?? "—";
  const text = (typeof amount === "string" ? amount : amount.toFixed(2)).trim();
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace(/^[-+]/, "").split(".");
  let cents = BigInt(whole || "0") * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  if (Number(fraction[2] ?? "0") >= 5) cents += 1n;
  const integer = grouping.format(cents / 100n);
  const cent = String(cents % 100n).padStart(2, "0");
  const digits = `${integer}.${cent}`;
  const sign = negative ? "-" : "";
  if (format.display === "code") return `${sign}${currency} ${digits}`;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat("en-GB", { style: "currency", currency }).formatToParts(0);
  } catch {
    // Not an ISO currency code (the schemas only admit known ones): show the code rather than fail the page.
    return `${sign}${currency} ${digits}`;
  }
  let out = "";
  for (const part of parts) {
    if (part.type === "integer") out += integer;
    else if (part.type === "fraction") out += cent;
    else out += part.value;
  }
  return `${sign}${out}`;
}

/** A proposed fee as the shortlist and content pages show it: "EUR 1,500.00", or "Fee to agree" while there is none. */
export function formatFee(amount: string | null, currency: string): string {
  return formatMoney(amount, currency, { display: "code", empty: "Fee to agree" });
}
