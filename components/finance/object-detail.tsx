import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Money } from "./money";
import {
  DecideObjectForm,
  IssueInvoiceForm,
  MarkPayoutSentButton,
  RecordPaymentForm,
  SchedulePayoutForm,
  SubmitObjectButton,
  VoidForm,
} from "./object-actions";
import { ReviseForm } from "./object-form";
import { FINANCE_STATUS_LABELS, FinanceStatusBadge, formatDay, formatWhen, LineLabelCells } from "./status";
import type { ApprovalStepView, FinancialLineView, FinancialObjectDetail } from "@/lib/domain/finance/view-types";

/** One financial object for staff (CM, DIR, FIN): amounts, lines, the approval chain, payments, and the actions the viewer may take. */
export function ObjectDetail({ detail, basePath }: { detail: FinancialObjectDetail; basePath: string }) {
  const { object, can } = detail;
  const lines = object.lines ?? [];
  const payments = detail.children.filter((c) => c.type === "PAYMENT");
  const payouts = detail.children.filter((c) => c.type === "PAYOUT");
  // can.markSent: this object is an approved payout; can.markPayoutsSent: the approved payouts of this invoice.
  const markSelf = can.markSent;
  const markPayouts = can.markSent || can.markPayoutsSent;
  const actions = can.submit || can.decide || can.issue || can.pay || can.schedulePayout || can.void || markSelf;
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="grid min-w-0 content-start gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Amounts</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <Fact label="Subtotal">
                <Money amount={object.subtotal} currency={object.currency} />
              </Fact>
              <Fact label="Tax">
                <Money amount={object.taxAmount} currency={object.currency} />
              </Fact>
              <Fact label="Total">
                <Money amount={object.total} currency={object.currency} className="font-semibold" />
              </Fact>
              {object.type === "CLIENT_INVOICE" || object.type === "INFLUENCER_INVOICE" ? (
                <Fact label="Paid">
                  <Money amount={object.paidAmount} currency={object.currency} />
                </Fact>
              ) : null}
              {object.issueDate ? <Fact label="Issued">{formatDay(object.issueDate)}</Fact> : null}
              {object.dueDate ? <Fact label="Due">{formatDay(object.dueDate)}</Fact> : null}
              {object.scheduledFor ? <Fact label="Payout on">{formatDay(object.scheduledFor)}</Fact> : null}
              {object.externalRef ? <Fact label="Their reference">{object.externalRef}</Fact> : null}
              {detail.influencer ? <Fact label="Influencer">{detail.influencer.name}</Fact> : null}
            </dl>
            {object.voidReason ? <p className="mt-3 text-sm text-destructive">Voided: {object.voidReason}</p> : null}
          </CardContent>
        </Card>
        <LinesTable lines={lines} currency={object.currency} />
        {can.revise ? (
          <ReviseForm
            object={{
              id: object.id,
              title: object.title,
              currency: object.currency,
              version: object.version,
              // What the form edits, not the lines' ids and amounts (a client component: its props are sent).
              lines: lines.map(({ category, description, quantity, unitPrice, taxRate }) => ({
                category,
                description,
                quantity,
                unitPrice,
                taxRate,
              })),
            }}
          />
        ) : null}
        {payments.length ? (
          <Card>
            <CardHeader>
              <CardTitle>Payments</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="grid gap-2 text-sm" aria-label="Payments">
                {payments.map((p) => (
                  <li key={p.id} className="flex flex-wrap justify-between gap-2 border-b pb-2 last:border-0">
                    <span>
                      {formatDay(p.paidAt)}
                      {p.externalRef ? ` · ${p.externalRef}` : ""}
                    </span>
                    <Money amount={p.total} currency={object.currency} />
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}
        {payouts.length ? (
          <Card>
            <CardHeader>
              <CardTitle>Payouts</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="grid gap-2 text-sm" aria-label="Payouts">
                {payouts.map((p) => (
                  <li
                    key={p.id}
                    className="flex flex-wrap items-center justify-between gap-2 border-b pb-2 last:border-0"
                  >
                    <span className="flex items-center gap-2">
                      <FinanceStatusBadge status={p.status} />{" "}
                      {p.status === "PAID" ? `sent ${formatDay(p.paidAt)}` : `on ${formatDay(p.scheduledFor)}`}
                    </span>
                    <span className="flex items-center gap-2">
                      <Money amount={p.total} currency={object.currency} />
                      {markPayouts && p.status === "APPROVED" ? <MarkPayoutSentButton id={p.id} /> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}
      </div>
      <div className="grid content-start gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Approval</CardTitle>
          </CardHeader>
          <CardContent>
            <ApprovalChain steps={detail.approvals} />
          </CardContent>
        </Card>
        {actions ? (
          <Card>
            <CardHeader>
              <CardTitle>Next step</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              {can.submit ? <SubmitObjectButton id={object.id} /> : null}
              {can.decide ? <DecideObjectForm id={object.id} revision={object.revision} /> : null}
              {can.issue ? <IssueInvoiceForm id={object.id} /> : null}
              {can.pay ? (
                <RecordPaymentForm id={object.id} currency={object.currency} outstanding={object.outstanding} />
              ) : null}
              {can.schedulePayout ? <SchedulePayoutForm id={object.id} /> : null}
              {markSelf ? <MarkPayoutSentButton id={object.id} label="Mark payout sent" /> : null}
              {can.void ? <VoidForm id={object.id} /> : null}
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>History</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <p>
              Revision {object.revision}
              {detail.revisions.length > 1 ? ` of ${detail.revisions.length}` : ""}
              {detail.revisions.at(-1)?.reason ? ` — “${detail.revisions.at(-1)?.reason}”` : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button asChild variant="outline" size="sm">
                <Link href={`${basePath}/${object.id}/history`}>Revision history</Link>
              </Button>
              {can.downloadPdf ? (
                <Button asChild variant="outline" size="sm">
                  <a href={`/api/finance/objects/${object.id}/pdf`} download>
                    Download PDF
                  </a>
                </Button>
              ) : null}
            </div>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function LinesTable({ lines, currency }: { lines: FinancialLineView[]; currency: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border">
      <table className="w-full text-sm">
        <caption className="bg-muted/50 p-2 text-left font-medium">Line items</caption>
        <thead className="text-left">
          <tr className="border-b">
            <th scope="col" className="p-2 font-medium">
              Description
            </th>
            <th scope="col" className="hidden p-2 font-medium sm:table-cell">
              Category
            </th>
            <th scope="col" className="p-2 text-right font-medium">
              Qty
            </th>
            <th scope="col" className="hidden p-2 text-right font-medium md:table-cell">
              Unit price
            </th>
            <th scope="col" className="hidden p-2 text-right font-medium sm:table-cell">
              Tax %
            </th>
            <th scope="col" className="p-2 text-right font-medium">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 ? (
            <tr>
              <td colSpan={6} className="p-3 text-muted-foreground">
                No lines.
              </td>
            </tr>
          ) : null}
          {lines.map((l, i) => (
            <tr key={i} className="border-t">
              <LineLabelCells description={l.description} category={l.category ?? null} />
              <td className="p-2 text-right tabular-nums">
                {Number(l.quantity) % 1 === 0 ? String(Number(l.quantity)) : l.quantity}
              </td>
              <td className="hidden p-2 text-right md:table-cell">
                <Money amount={l.unitPrice} currency={currency} />
              </td>
              <td className="hidden p-2 text-right tabular-nums sm:table-cell">{l.taxRate}</td>
              <td className="p-2 text-right">
                <Money amount={l.amount} currency={currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ApprovalChain({ steps }: { steps: ApprovalStepView[] }) {
  if (!steps.length) return <p className="text-sm text-muted-foreground">Not submitted for approval yet.</p>;
  return (
    <ol className="grid gap-2 text-sm" aria-label="Approval chain">
      {steps.map((s) => (
        <li key={`${s.step}-${s.label}`} className="rounded-md border p-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {s.step}. {s.label}
            </span>
            <Badge
              variant={
                s.status === "APPROVED"
                  ? "success"
                  : s.status === "REJECTED"
                    ? "destructive"
                    : s.status === "PENDING"
                      ? "warning"
                      : "outline"
              }
            >
              {s.status === "PENDING"
                ? "Waiting"
                : s.status === "PLANNED"
                  ? "Not yet"
                  : (FINANCE_STATUS_LABELS[s.status] ??
                    s.status.charAt(0) + s.status.slice(1).toLowerCase().replaceAll("_", " "))}
            </Badge>
          </div>
          {s.decidedAt ? (
            <p className="mt-1 text-xs text-muted-foreground">
              {s.decidedBy ?? "—"} · {formatWhen(s.decidedAt)}
              {s.note ? ` · “${s.note}”` : ""}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
