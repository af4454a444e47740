import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { queryRow } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  AssignmentStatus,
  CampaignStatus,
  DeliverableType,
  InfluencerStatus,
  Platform,
  ProfileType,
} from "@/lib/generated/prisma/enums";
import { campaignScopeSql } from "@/lib/domain/campaigns/scope";
import { idSchema } from "@/lib/domain/id";

type LineJson = {
  id: string;
  agencyId: string;
  campaignId: string;
  influencerId: string;
  status: AssignmentStatus;
  proposedFee: string | null;
  agreedFee: string | null;
  currency: string;
  deliverableType: DeliverableType | null;
  contractSignedAt: string | null;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  influencer: {
    id: string;
    displayName: string;
    profileType: ProfileType;
    status: InfluencerStatus;
    totalFollowers: number;
    socialAccounts: { platform: Platform; handle: string; followers: number }[];
    rateCards: { platform: Platform; deliverableType: DeliverableType; fee: string; currency: string }[];
  };
  pricingHistory: {
    id: string;
    campaignId: string | null;
    campaignName: string | null;
    fee: string;
    currency: string;
    deliverableType: DeliverableType | null;
    agreedAt: string;
  }[];
};

type Row = {
  id: string;
  name: string;
  status: CampaignStatus;
  currency: string;
  platforms: Platform[];
  shortlistRevision: number;
  briefRevision: number;
  brief: string | null;
  lines: LineJson[];
};

// One statement: the campaign in the caller's scope and its lines, each with the influencer's social accounts (most
// followed first) and rate cards (cheapest first), and the influencer's ten latest agreed fees, naming the campaign
// only where the caller sees it. (It was seven statements: the campaign, the lines, profiles, accounts, rate
// cards, the agency's 500 latest fees of these influencers, and the names of their campaigns.)
const SHORTLIST = (ctx: AuthContext, campaignId: string) => Prisma.sql`
  SELECT c.id, c.name, c.status, c.currency, c.platforms::text[] AS platforms, c."shortlistRevision",
         c."briefRevision", c.brief,
         COALESCE((
           SELECT json_agg(line ORDER BY line."createdAt", line.id) FROM (
             SELECT l.id, l."agencyId", l."campaignId", l."influencerId", l.status, l."proposedFee"::text AS "proposedFee",
                    l."agreedFee"::text AS "agreedFee", l.currency, l."deliverableType", l."contractSignedAt", l.notes,
                    l.version, l."createdAt", l."updatedAt",
                    json_build_object(
                      'id', p.id, 'displayName', p."displayName", 'profileType', p."profileType", 'status', p.status,
                      'totalFollowers', p."totalFollowers",
                      'socialAccounts', COALESCE((
                        SELECT json_agg(json_build_object('platform', s.platform, 'handle', s.handle, 'followers', s.followers)
                                        ORDER BY s.followers DESC, s.id)
                        FROM "SocialAccount" s WHERE s."influencerId" = p.id), '[]'),
                      'rateCards', COALESCE((
                        SELECT json_agg(json_build_object('platform', r.platform, 'deliverableType', r."deliverableType",
                                                          'fee', r.fee::text, 'currency', r.currency) ORDER BY r.fee, r.id)
                        FROM "RateCard" r WHERE r."influencerId" = p.id), '[]')
                    ) AS influencer,
                    COALESCE((
                      SELECT json_agg(h ORDER BY h."agreedAt" DESC, h.id DESC) FROM (
                        SELECT h.id, CASE WHEN hc.id IS NULL THEN NULL ELSE h."campaignId" END AS "campaignId",
                               hc.name AS "campaignName", h.fee::text AS fee, h.currency, h."deliverableType", h."agreedAt"
                        FROM "PricingHistory" h
                        LEFT JOIN "Campaign" hc ON hc.id = h."campaignId" AND ${campaignScopeSql(ctx, "campaign.read", "hc")}
                        WHERE h."agencyId" = ${ctx.agencyId}::uuid AND h."influencerId" = l."influencerId"
                        ORDER BY h."agreedAt" DESC, h.id DESC LIMIT 10) h), '[]') AS "pricingHistory"
             FROM "CampaignInfluencer" l JOIN "InfluencerProfile" p ON p.id = l."influencerId"
             WHERE l."agencyId" = ${ctx.agencyId}::uuid AND l."campaignId" = c.id) line), '[]') AS lines
  FROM "Campaign" c
  WHERE ${campaignScopeSql(ctx, "campaign.read")} AND c.id = ${campaignId}::uuid`;

const decimal = (value: string | null) => (value === null ? null : new Prisma.Decimal(value));
const date = (value: string | null) => (value === null ? null : new Date(value));

/**
 * A campaign's influencers with their proposed fees, rate cards and pricing history (fees agreed on earlier
 * campaigns), for the shortlist builder. Staff only: the client reads the shortlist through its approval.
 */
export async function listShortlist(ctx: AuthContext, campaignId: string) {
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const row = await queryRow<Row>(SHORTLIST(ctx, campaignId));
  if (!row) throw notFound("Campaign");
  const { lines, ...campaign } = row;
  return {
    campaign,
    lines: lines.map(({ influencer, pricingHistory, ...line }) => ({
      ...line,
      proposedFee: decimal(line.proposedFee),
      agreedFee: decimal(line.agreedFee),
      contractSignedAt: date(line.contractSignedAt),
      createdAt: new Date(line.createdAt),
      updatedAt: new Date(line.updatedAt),
      influencer: {
        ...influencer,
        rateCards: influencer.rateCards.map((r) => ({ ...r, fee: new Prisma.Decimal(r.fee) })),
      },
      pricingHistory: pricingHistory.map((h) => ({
        ...h,
        fee: new Prisma.Decimal(h.fee).toFixed(2),
        agreedAt: new Date(h.agreedAt),
      })),
    })),
  };
}
export type ShortlistView = Awaited<ReturnType<typeof listShortlist>>;
