"use server";

import "server-only";
import { z } from "zod";
import { authedAction } from "@/lib/actions/action";
import { createFinancialObject } from "@/lib/domain/finance/create-financial-object";
import { decideFinancialObject } from "@/lib/domain/finance/decide-financial-object";
import { issueInvoice } from "@/lib/domain/finance/issue-invoice";
import { markPayoutSent } from "@/lib/domain/finance/mark-payout-sent";
import { recordPayment } from "@/lib/domain/finance/record-payment";
import { reviseFinancialObject } from "@/lib/domain/finance/revise-financial-object";
import { schedulePayout } from "@/lib/domain/finance/schedule-payout";
import { submitFinancialObject } from "@/lib/domain/finance/submit-financial-object";
import { voidFinancialObject } from "@/lib/domain/finance/void-financial-object";
import {
  createFinancialObjectSchema,
  decideSchema,
  issueSchema,
  markPayoutSentSchema,
  paymentSchema,
  payoutSchema,
  reviseFinancialObjectSchema,
  voidSchema,
} from "@/lib/domain/finance/schemas";
import { idSchema } from "@/lib/domain/id";

// The finance mutations of every portal (campaign managers and directors in /agency, finance in /finance).
// Each checks its permission here; the domain function checks again and scopes its query.

const id = idSchema;
const withId = z.object({ id }).loose();

/** The pages a finance change shows up on (server-rendered lists and the object itself). */
function paths(objectId?: string, campaignId?: string) {
  return [
    "/finance",
    "/finance/queue",
    "/finance/objects",
    "/finance/payouts",
    "/agency/approvals",
    "/client/invoices",
    ...(objectId ? [`/finance/objects/${objectId}`, `/agency/finance/${objectId}`] : []),
    ...(campaignId ? [`/agency/campaigns/${campaignId}`, `/agency/campaigns/${campaignId}/finance`] : []),
  ];
}

export const createFinancialObjectAction = authedAction(
  {
    permission: "finance.manage",
    schema: createFinancialObjectSchema,
    revalidate: (input) => paths(undefined, input.campaignId),
  },
  async (ctx, input) => {
    const object = await createFinancialObject(ctx, input);
    return { id: object.id };
  },
);

export const reviseFinancialObjectAction = authedAction(
  {
    permission: "finance.manage",
    schema: reviseFinancialObjectSchema.extend({ id }),
    revalidate: (input) => paths(input.id),
  },
  async (ctx, { id: objectId, ...input }) => {
    const object = await reviseFinancialObject(ctx, objectId, input);
    return { id: object.id, revision: object.revision, version: object.version };
  },
);

export const submitFinancialObjectAction = authedAction(
  { permission: "finance.manage", schema: withId, revalidate: (input) => paths(input.id) },
  async (ctx, { id: objectId, ...input }) => {
    const object = await submitFinancialObject(ctx, objectId, input);
    return { id: object.id, status: object.status };
  },
);

export const decideFinancialObjectAction = authedAction(
  { permission: "finance.approve", schema: withId, revalidate: (input) => paths(input.id) },
  async (ctx, { id: objectId, ...input }) => {
    const detail = await decideFinancialObject(ctx, objectId, decideSchema.parse(input));
    return { id: detail.object.id, status: detail.object.status };
  },
);

export const issueInvoiceAction = authedAction(
  { permission: "finance.issue", schema: issueSchema.extend({ id }), revalidate: (input) => paths(input.id) },
  async (ctx, { id: objectId, ...input }) => {
    const object = await issueInvoice(ctx, objectId, input);
    return { id: object.id, number: object.number };
  },
);

export const recordPaymentAction = authedAction(
  { permission: "finance.issue", schema: paymentSchema.extend({ id }), revalidate: (input) => paths(input.id) },
  async (ctx, { id: objectId, ...input }) => {
    const { invoice, payment } = await recordPayment(ctx, objectId, input);
    return { id: payment.id, invoiceStatus: invoice.status, paidAmount: invoice.paidAmount };
  },
);

export const voidFinancialObjectAction = authedAction(
  { permission: "finance.issue", schema: voidSchema.extend({ id }), revalidate: (input) => paths(input.id) },
  async (ctx, { id: objectId, ...input }) => {
    const object = await voidFinancialObject(ctx, objectId, input);
    return { id: object.id, status: object.status };
  },
);

export const schedulePayoutAction = authedAction(
  { permission: "finance.issue", schema: payoutSchema.extend({ id }), revalidate: (input) => paths(input.id) },
  async (ctx, { id: invoiceId, ...input }) => {
    const payout = await schedulePayout(ctx, invoiceId, input);
    return { id: payout.id };
  },
);

export const markPayoutSentAction = authedAction(
  { permission: "finance.issue", schema: markPayoutSentSchema.extend({ id }), revalidate: (input) => paths(input.id) },
  async (ctx, { id: payoutId, ...input }) => {
    const payout = await markPayoutSent(ctx, payoutId, input);
    return { id: payout.id, status: payout.status };
  },
);
