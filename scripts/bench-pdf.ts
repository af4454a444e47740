// npm run bench:pdf [-- N] — renders a realistic client invoice (agency and client details, 12 lines over two
// VAT rates, payment details) N times (default 200, after 10 warm-up renders) with the same function the
// /api/finance/objects/:id/pdf handler uses, and prints p50/p95/max in milliseconds. Target: p95 < 300 ms.
import { drawInvoicePdf, type InvoiceDocument } from "@/lib/domain/finance/render-invoice-pdf";

const N = Number(process.argv[2] ?? process.env.BENCH_PDF_N ?? 200);

const doc: InvoiceDocument = {
  number: "INV-2026-00042",
  status: "ISSUED",
  title: "Glow Serum launch — production milestone 2",
  currency: "EUR",
  issueDate: "2026-11-02",
  dueDate: "2026-12-02",
  campaignName: "Lumière Glow Serum Launch",
  seller: {
    name: "Northwind Creators GmbH",
    addressLines: ["Speicherstadt 12", "20457 Hamburg", "Germany"],
    vatNumber: "DE298765431",
    email: "billing@northwind.test",
    bankName: "Hanseatic Commerce Bank",
    iban: "DE89 3704 0044 0532 0130 00",
    bic: "COBADEFFXXX",
  },
  buyer: {
    name: "Lumière Cosmétiques SAS",
    addressLines: ["18 rue de la Paix", "75002 Paris", "FR"],
    vatNumber: "FR40303265045",
  },
  lines: Array.from({ length: 12 }, (_, i) => ({
    description:
      i % 3 === 0
        ? `Creator fee — reel and three stories, creator ${i + 1}, usage rights three months organic`
        : `Production item ${i + 1}`,
    category: i % 3 === 0 ? "INFLUENCER_FEES" : "PRODUCTION",
    quantity: String(1 + (i % 3)),
    unitPrice: `${1000 + i * 37}.50`,
    taxRate: i % 4 === 0 ? "7" : "19",
    amount: `${(1000 + i * 37) * (1 + (i % 3))}.${i % 3 === 0 ? "50" : "00"}`,
  })),
  subtotal: "21345.50",
  taxAmount: "3812.31",
  total: "25157.81",
  paidAmount: "10000.00",
  taxByRate: [
    { rate: "7", base: "3311.50", tax: "231.81" },
    { rate: "19", base: "18034.00", tax: "3426.46" },
  ],
};

async function main() {
  for (let i = 0; i < 10; i++) await drawInvoicePdf(doc);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < N; i++) {
    const start = performance.now();
    const pdf = await drawInvoicePdf(doc);
    times.push(performance.now() - start);
    bytes = pdf.length;
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  console.log(`invoice PDF: ${N} renders, ${bytes} bytes each`);
  console.log(
    `p50 ${pct(50).toFixed(1)} ms   p95 ${pct(95).toFixed(1)} ms   max ${times.at(-1)!.toFixed(1)} ms   (target p95 < 300 ms)`,
  );
  if (pct(95) >= 300) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
