import "server-only";
import PDFDocument from "pdfkit";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { lineAmounts, money } from "./money";
import { financeScope } from "./scope";
import { CATEGORY_LABELS } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import type { FinancialCategory } from "@/lib/generated/prisma/enums";

// A client invoice as a PDF, drawn with pdfkit's built-in Helvetica (no font files, no browser).

export type InvoiceDocument = {
  number: string;
  status: string;
  title: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  campaignName: string;
  seller: {
    name: string;
    addressLines: string[];
    vatNumber: string | null;
    email: string | null;
    bankName: string | null;
    iban: string | null;
    bic: string | null;
  };
  buyer: { name: string; addressLines: string[]; vatNumber: string | null };
  lines: {
    description: string;
    category: FinancialCategory | null;
    quantity: string;
    unitPrice: string;
    taxRate: string;
    amount: string;
  }[];
  subtotal: string;
  taxAmount: string;
  total: string;
  paidAmount: string;
  taxByRate: { rate: string; base: string; tax: string }[];
};

/** "1,234.50 EUR" — the helvetica of a PDF knows few currency signs, the ISO code is always right. */
function amount(value: string, currency: string) {
  const [whole, fraction] = value.split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction} ${currency}`;
}

const day = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
};

/** Draws the invoice; returns the PDF bytes. Pure: no database. */
export function drawInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: "A4",
      margin: 50,
      info: { Title: `Invoice ${doc.number}`, Author: doc.seller.name },
    });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    const left = 50;
    const right = 545;
    const width = right - left;

    pdf.font("Helvetica-Bold").fontSize(20).text(doc.seller.name, left, 50, { width: 300 });
    pdf.font("Helvetica").fontSize(9).fillColor("#444");
    for (const line of doc.seller.addressLines) pdf.text(line, { width: 300 });
    if (doc.seller.vatNumber) pdf.text(`VAT number: ${doc.seller.vatNumber}`);
    if (doc.seller.email) pdf.text(doc.seller.email);

    pdf
      .fillColor("#000")
      .font("Helvetica-Bold")
      .fontSize(24)
      .text(doc.status === "VOID" ? "INVOICE (VOID)" : "INVOICE", 345, 50, { width: 200, align: "right" });
    pdf.font("Helvetica").fontSize(10);
    const meta: [string, string][] = [
      ["Invoice number", doc.number],
      ["Issue date", day(doc.issueDate)],
      ["Due date", day(doc.dueDate)],
      ["Currency", doc.currency],
    ];
    let y = 85;
    for (const [k, v] of meta) {
      pdf.fillColor("#666").text(k, 345, y, { width: 90 });
      pdf.fillColor("#000").text(v, 435, y, { width: 110, align: "right" });
      y += 15;
    }

    y = Math.max(pdf.y, y) + 25;
    pdf.font("Helvetica-Bold").fontSize(10).text("Bill to", left, y);
    pdf
      .font("Helvetica")
      .fontSize(10)
      .text(doc.buyer.name, left, y + 14, { width: 280 });
    for (const line of doc.buyer.addressLines) pdf.text(line, { width: 280 });
    if (doc.buyer.vatNumber) pdf.text(`VAT number: ${doc.buyer.vatNumber}`, { width: 280 });
    pdf.font("Helvetica-Bold").text("Project", 345, y);
    pdf.font("Helvetica").text(doc.campaignName, 345, y + 14, { width: 200 });
    pdf.text(doc.title, { width: 200 });

    y = Math.max(pdf.y, y + 60) + 25;
    const cols = { desc: left, qty: 310, unit: 350, tax: 425, amount: 465 };
    pdf.rect(left, y - 5, width, 20).fill("#f0f0f0");
    pdf.fillColor("#000").font("Helvetica-Bold").fontSize(9);
    pdf.text("Description", cols.desc + 5, y, { width: 250 });
    pdf.text("Qty", cols.qty, y, { width: 35, align: "right" });
    pdf.text("Unit price", cols.unit, y, { width: 70, align: "right" });
    pdf.text("VAT", cols.tax, y, { width: 35, align: "right" });
    pdf.text("Amount", cols.amount, y, { width: 80, align: "right" });
    y += 22;
    pdf.font("Helvetica").fontSize(9);
    for (const l of doc.lines) {
      if (y > 700) {
        pdf.addPage();
        y = 50;
      }
      const label = l.category ? `${l.description}\n${CATEGORY_LABELS[l.category]}` : l.description;
      const h = Math.max(pdf.heightOfString(label, { width: 250 }), 12);
      pdf.fillColor("#000").text(l.description, cols.desc + 5, y, { width: 250 });
      if (l.category)
        pdf
          .fillColor("#777")
          .fontSize(8)
          .text(CATEGORY_LABELS[l.category], { width: 250 })
          .fontSize(9)
          .fillColor("#000");
      pdf.text(l.quantity, cols.qty, y, { width: 35, align: "right" });
      pdf.text(amount(l.unitPrice, doc.currency), cols.unit - 20, y, { width: 90, align: "right" });
      pdf.text(`${l.taxRate}%`, cols.tax, y, { width: 35, align: "right" });
      pdf.text(amount(l.amount, doc.currency), cols.amount - 15, y, { width: 95, align: "right" });
      y += h + 8;
      pdf
        .moveTo(left, y - 4)
        .lineTo(right, y - 4)
        .strokeColor("#e5e5e5")
        .lineWidth(0.5)
        .stroke();
    }

    y += 10;
    const totals: [string, string, boolean][] = [["Subtotal", amount(doc.subtotal, doc.currency), false]];
    for (const t of doc.taxByRate)
      totals.push([`VAT ${t.rate}% of ${amount(t.base, doc.currency)}`, amount(t.tax, doc.currency), false]);
    totals.push(["Total", amount(doc.total, doc.currency), true]);
    if (doc.paidAmount !== "0.00") {
      totals.push(["Paid", amount(doc.paidAmount, doc.currency), false]);
      const due = (BigInt(doc.total.replace(".", "")) - BigInt(doc.paidAmount.replace(".", "")))
        .toString()
        .padStart(3, "0");
      totals.push(["Amount due", amount(`${due.slice(0, -2)}.${due.slice(-2)}`, doc.currency), true]);
    }
    for (const [k, v, bold] of totals) {
      pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(bold ? 11 : 9);
      pdf.text(k, 300, y, { width: 150, align: "right" });
      pdf.text(v, 445, y, { width: 100, align: "right" });
      y += bold ? 18 : 14;
    }

    y = Math.max(y + 25, 640);
    pdf.font("Helvetica-Bold").fontSize(10).text("Payment details", left, y);
    pdf.font("Helvetica").fontSize(9);
    pdf.text(
      `Please pay ${amount(doc.total, doc.currency)} by ${day(doc.dueDate)}, quoting ${doc.number}.`,
      left,
      y + 14,
      { width },
    );
    if (doc.seller.bankName) pdf.text(`Bank: ${doc.seller.bankName}`);
    if (doc.seller.iban) pdf.text(`IBAN: ${doc.seller.iban}`);
    if (doc.seller.bic) pdf.text(`BIC: ${doc.seller.bic}`);
    pdf.text(`Account holder: ${doc.seller.name}`);
    pdf.end();
  });
}

/** The data of an issued client invoice the caller may see (client users: their own client's only). */
export async function loadInvoiceDocument(
  ctx: AuthContext,
  id: string,
): Promise<InvoiceDocument & { id: string; campaignId: string }> {
  const scope = financeScope(ctx, "finance.read");
  if (!idSchema.safeParse(id).success) throw notFound("Invoice");
  const o = await db.financialObject.findFirst({
    where: { AND: [scope, { id }] },
    include: {
      lines: { orderBy: { position: "asc" } },
      campaign: { select: { name: true, agency: { select: { name: true } }, client: true } },
    },
  });
  if (!o) throw notFound("Invoice");
  if (o.type !== "CLIENT_INVOICE" || !o.number || !o.issueDate || !o.dueDate)
    throw new AppError("CONFLICT", "Only an issued client invoice has a PDF");
  const billing = await db.agencyBilling.findUnique({ where: { agencyId: ctx.agencyId } });
  const c = o.campaign.client;
  const rates = new Map<string, { base: string; tax: string }>();
  for (const l of o.lines) {
    const key = l.taxRate.toFixed(2);
    const { amount: base, tax } = lineAmounts(l);
    const prev = rates.get(key);
    rates.set(
      key,
      prev
        ? { base: money(base.plus(prev.base)), tax: money(tax.plus(prev.tax)) }
        : { base: money(base), tax: money(tax) },
    );
  }
  return {
    id: o.id,
    campaignId: o.campaignId,
    number: o.number,
    status: o.status,
    title: o.title,
    currency: o.currency,
    issueDate: o.issueDate.toISOString().slice(0, 10),
    dueDate: o.dueDate.toISOString().slice(0, 10),
    campaignName: o.campaign.name,
    seller: {
      name: billing?.legalName ?? o.campaign.agency.name,
      addressLines: billing?.addressLines ?? [],
      vatNumber: billing?.vatNumber ?? null,
      email: billing?.email ?? null,
      bankName: billing?.bankName ?? null,
      iban: billing?.iban ?? null,
      bic: billing?.bic ?? null,
    },
    buyer: {
      name: c.legalName ?? c.name,
      addressLines: [
        c.addressLine1,
        c.addressLine2,
        [c.postalCode, c.city].filter(Boolean).join(" "),
        c.country,
      ].filter((v): v is string => Boolean(v && v.trim())),
      vatNumber: c.vatNumber,
    },
    lines: o.lines.map((l) => ({
      description: l.description,
      category: l.category,
      quantity: l.quantity.toString(),
      unitPrice: money(l.unitPrice),
      taxRate: l.taxRate.toFixed(2).replace(/\.00$/, ""),
      amount: money(l.amount),
    })),
    subtotal: money(o.subtotal),
    taxAmount: money(o.taxAmount),
    total: money(o.total),
    paidAmount: money(o.paidAmount),
    taxByRate: [...rates.entries()]
      .filter(([rate]) => rate !== "0.00")
      .map(([rate, v]) => ({ rate: rate.replace(/\.00$/, ""), ...v })),
  };
}

/** Renders an issued client invoice as PDF; the download is audited (client users download their own). */
export async function renderInvoicePdf(ctx: AuthContext, id: string): Promise<{ filename: string; bytes: Buffer }> {
  const doc = await loadInvoiceDocument(ctx, id);
  const bytes = await drawInvoicePdf(doc);
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      action: "finance.pdf",
      model: "FinancialObject",
      recordId: doc.id,
      display: `Invoice ${doc.number} (PDF)`,
      parent: { model: "Campaign", id: doc.campaignId },
    }),
  );
  return { filename: `${doc.number}.pdf`, bytes };
}
