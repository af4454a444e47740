import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { InfluencerDetail } from "@/lib/domain/influencers/get-influencer";
import { formatDate } from "@/lib/utils";
import { CampaignLinks } from "./campaign-links";
import { formatCount, formatEngagement, titleCase } from "./format";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children || "—"}</dd>
    </div>
  );
}

export function ProfileSummary({ profile }: { profile: InfluencerDetail }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Profile</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="divide-y">
          <Row label="Total followers">{formatCount(profile.totalFollowers)}</Row>
          <Row label="Top engagement">{formatEngagement(profile.topEngagement)}</Row>
          <Row label="Legal name">{profile.legalName}</Row>
          <Row label="E-mail">{profile.email}</Row>
          <Row label="Phone">{profile.phone}</Row>
          <Row label="Location">{[profile.city, profile.country].filter(Boolean).join(", ")}</Row>
          <Row label="Languages">{profile.languages.join(", ")}</Row>
          <Row label="Niches">{profile.niches.join(", ")}</Row>
          <Row label="Tags">{profile.tags.join(", ")}</Row>
          <Row label="Payment details">{profile.paymentDetailsLast4}</Row>
          <Row label="Health">{titleCase(profile.health)}</Row>
          <Row label="Bio">{profile.bio}</Row>
        </dl>
      </CardContent>
    </Card>
  );
}

export function PricingHistoryCard({ rows }: { rows: InfluencerDetail["pricingHistory"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Pricing history</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">No fees agreed on campaigns yet.</p>
        ) : (
          <ul className="divide-y text-sm" aria-label="Pricing history">
            {rows.map((row) => (
              <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {row.campaignName ?? "Another campaign"}
                  {row.deliverableType ? ` · ${titleCase(row.deliverableType)}` : ""}
                  <span className="block text-xs text-muted-foreground">{formatDate(row.agreedAt)}</span>
                </span>
                <span className="font-medium tabular-nums">
                  {row.fee} {row.currency}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

export function CampaignsCard({ rows }: { rows: InfluencerDetail["campaigns"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Campaigns</CardTitle>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-muted-foreground">Not on any campaign you can see.</p>
        ) : (
          <CampaignLinks
            rows={rows.map((row) => ({
              key: row.id,
              campaignId: row.campaign.id,
              name: row.campaign.name,
              detail:
                titleCase(row.status) +
                (row.agreedFee
                  ? ` · ${row.agreedFee} ${row.currency}`
                  : row.proposedFee
                    ? ` · proposed ${row.proposedFee} ${row.currency}`
                    : ""),
            }))}
          />
        )}
      </CardContent>
    </Card>
  );
}
