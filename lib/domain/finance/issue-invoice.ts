import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { lockObject } from "./internal";
import { money } from "./money";
import { financeScope } from "./scope";
import { issueSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { toFinancialObjectView } from "./view";

const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Issues an approved client invoice: it gets the next number INV-<year>-<00001> of the agency and year. The
 * counter row is incremented by one INSERT … ON CONFLICT DO UPDATE … RETURNING inside the issuing
 * transaction, so it stays locked until commit: numbers are unique and gapless under concurrency, and a
 * rollback gives the number back. The year is the issue date's.
 */
export async function issueInvoice(ctx: AuthContext, id: string, raw: unknown) {
  const scope = financeScope(ctx, "finance.issue");
  if (!idSchema.safeParse(id).success) throw notFound("Invoice");
  const input = issueSchema.parse(raw);
  const issueDate = input.issueDate ?? new Date().toISOString().slice(0, 10);
  if (input.dueDate < issueDate)
    throw new AppError("VALIDATION_FAILED", "Check dueDate: the due date cannot be before the issue date", {
      fields: { dueDate: "Before the issue date" },
    });
  return db.$transaction(async (tx) => {
    const invoice = await lockObject(tx, ctx, id, scope);
    if (invoice.type !== "CLIENT_INVOICE") throw new AppError("CONFLICT", "Only client invoices are issued");
    if (invoice.status !== "APPROVED")
      throw new AppError(
        "CONFLICT",
        invoice.number
          ? `Already issued as ${invoice.number}`
          : `Only an approved invoice can be issued (this one is ${invoice.status.toLowerCase()})`,
      );
    const year = Number(issueDate.slice(0, 4));
    const [{ lastNumber }] = await tx.$queryRaw<{ lastNumber: number }[]>`
      INSERT INTO "InvoiceCounter" ("agencyId", "year", "lastNumber", "updatedAt") VALUES (${ctx.agencyId}::uuid, ${year}, 1, now())
      ON CONFLICT ("agencyId", "year") DO UPDATE SET "lastNumber" = "InvoiceCounter"."lastNumber" + 1, "updatedAt" = now()
      RETURNING "lastNumber"`;
    const number = `INV-${year}-${String(lastNumber).padStart(5, "0")}`;
    const issued = await tx.financialObject.update({
      where: { id },
      data: {
        status: "ISSUED",
        number,
        numberYear: year,
        numberSeq: lastNumber,
        issueDate: dayOf(issueDate),
        dueDate: dayOf(input.dueDate),
        issuedAt: new Date(),
        version: { increment: 1 },
      },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    await writeAudit(tx, ctx, {
      action: "finance.issue",
      model: "FinancialObject",
      recordId: id,
      display: `Invoice ${number} "${invoice.title}" (${money(invoice.total)} ${invoice.currency})`,
      parent: { model: "Campaign", id: invoice.campaignId },
      before: { status: invoice.status, number: null },
      after: { status: "ISSUED", number, issueDate, dueDate: input.dueDate },
    });
    return toFinancialObjectView(issued, ctx);
  }, ISSUE_TX);
}

/** Issuing waits in line behind other issues of the same agency and year (the counter row's lock): allow for a queue. */
const ISSUE_TX = { maxWait: 30_000, timeout: 30_000 };
