import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { createCampaignRow, createInfluencerRow } from "../setup/approval-fixtures";

// The authorization matrix rows of the approval engine, the shortlist and notifications, spread into TABLE
// in matrix.test.ts. Each call makes its own campaign of the fixture's client, owned by the matrix CM, with
// an influencer on the shortlist and (unless asked not to) a pending brief approval addressed to the client.

type Outcome = "allow" | "unauth" | "deny" | "notfound" | "invalid";
type RoleKey = "anon" | "CM" | "DIR" | "FIN" | "ADM" | "CLIENT" | "INF" | "OTHER_AGENCY_CM";
type Fixture = { clientId: string };
type Call<F> = (f: F) => Promise<Outcome>;
type Helpers<F extends Fixture> = {
  route: (
    file: string,
    method: string,
    url: () => string,
    params: () => Record<string, string>,
    body?: () => unknown,
  ) => Call<F>;
  action: (file: string, name: string, input: () => unknown) => Call<F>;
  signedIn: (roles: Omit<Record<RoleKey, Outcome>, "anon">) => Record<RoleKey, Outcome>;
  agencyId: () => string;
  cm: () => AuthContext;
};
type World = {
  campaignId: string;
  approvalId: string;
  assignmentId: string;
  influencerId: string;
  newInfluencerId: string;
};

async function world<F extends Fixture>(h: Helpers<F>, f: F, withApproval = true): Promise<World> {
  const agencyId = h.agencyId();
  const campaign = await createCampaignRow(agencyId, {
    clientId: f.clientId,
    ownerId: h.cm().userId,
    status: "SOURCING",
  });
  const [influencer, fresh] = await Promise.all([
    createInfluencerRow(agencyId, { fee: "100" }),
    createInfluencerRow(agencyId, { fee: "200" }),
  ]);
  const line = await db.campaignInfluencer.create({
    data: { agencyId, campaignId: campaign.id, influencerId: influencer.id, currency: "EUR", proposedFee: "100" },
  });
  const approval = withApproval
    ? await db.approvalItem.create({
        data: {
          agencyId,
          campaignId: campaign.id,
          type: "BRIEF",
          subjectType: "CampaignBrief",
          subjectId: campaign.id,
          subjectVersion: campaign.briefRevision,
          subjectSnapshot: { brief: campaign.brief, revision: campaign.briefRevision, campaignName: campaign.name },
          approverRole: "CLIENT",
          approverScopeType: "CLIENT",
          approverScopeId: f.clientId,
          requestedById: h.cm().userId,
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      })
    : null;
  return {
    campaignId: campaign.id,
    approvalId: approval?.id ?? campaign.id,
    assignmentId: line.id,
    influencerId: influencer.id,
    newInfluencerId: fresh.id,
  };
}

/** A call that first makes its world, then runs the route or action with it. */
function inWorld<F extends Fixture>(h: Helpers<F>, make: (w: World) => Call<F>, withApproval = true): Call<F> {
  return async (f: F) => make(await world(h, f, withApproval))(f);
}

export function approvalRows<F extends Fixture>(
  h: Helpers<F>,
): Record<string, { call: Call<F>; expect: Record<RoleKey, Outcome> }> {
  const SHORTLIST_ACTIONS = "lib/actions/shortlist.ts";
  const APPROVAL_ACTIONS = "lib/actions/approvals.ts";
  const editors = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const readers = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "allow",
    ADM: "allow",
    CLIENT: "allow",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const decider = h.signedIn({
    CM: "deny",
    DIR: "deny",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "allow",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const everyone = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "allow",
    ADM: "allow",
    CLIENT: "allow",
    INF: "allow",
    OTHER_AGENCY_CM: "allow",
  });
  const r = (
    file: string,
    method: string,
    url: (w: World) => string,
    params: (w: World) => Record<string, string>,
    body?: (w: World) => unknown,
    withApproval = true,
  ) =>
    inWorld(
      h,
      (w) =>
        h.route(
          file,
          method,
          () => url(w),
          () => params(w),
          body && (() => body(w)),
        ),
      withApproval,
    );
  const a = (name: string, input: (w: World) => unknown, file = SHORTLIST_ACTIONS, withApproval = true) =>
    inWorld(h, (w) => h.action(file, name, () => input(w)), withApproval);
  const ids = (w: World) => ({ id: w.campaignId });
  const line = (w: World) => ({ id: w.campaignId, assignmentId: w.assignmentId });
  return {
    "pages/api/approvals/index.ts GET": {
      call: r(
        "pages/api/approvals/index.ts",
        "GET",
        () => "/api/approvals",
        () => ({}),
      ),
      expect: h.signedIn({
        CM: "allow",
        DIR: "allow",
        FIN: "deny",
        ADM: "deny",
        CLIENT: "allow",
        INF: "deny",
        OTHER_AGENCY_CM: "allow",
      }),
    },
    "pages/api/approvals/[id]/index.ts GET": {
      call: r(
        "pages/api/approvals/[id]/index.ts",
        "GET",
        (w) => `/api/approvals/${w.approvalId}`,
        (w) => ({ id: w.approvalId }),
      ),
      expect: readers,
    },
    "pages/api/approvals/[id]/decision/index.ts POST": {
      call: r(
        "pages/api/approvals/[id]/decision/index.ts",
        "POST",
        (w) => `/api/approvals/${w.approvalId}/decision`,
        (w) => ({ id: w.approvalId }),
        () => ({ decision: "APPROVED" }),
      ),
      expect: decider,
    },
    "pages/api/approvals/[id]/comments/index.ts POST": {
      call: r(
        "pages/api/approvals/[id]/comments/index.ts",
        "POST",
        (w) => `/api/approvals/${w.approvalId}/comments`,
        (w) => ({ id: w.approvalId }),
        () => ({ body: "Matrix comment" }),
      ),
      expect: readers,
    },
    "pages/api/campaigns/[id]/approvals/index.ts GET": {
      call: r(
        "pages/api/campaigns/[id]/approvals/index.ts",
        "GET",
        (w) => `/api/campaigns/${w.campaignId}/approvals`,
        ids,
      ),
      expect: readers,
    },
    "pages/api/campaigns/[id]/approvals/index.ts POST": {
      call: r(
        "pages/api/campaigns/[id]/approvals/index.ts",
        "POST",
        (w) => `/api/campaigns/${w.campaignId}/approvals`,
        ids,
        () => ({ type: "BRIEF" }),
        false,
      ),
      expect: editors,
    },
    "pages/api/campaigns/[id]/shortlist/index.ts GET": {
      call: r(
        "pages/api/campaigns/[id]/shortlist/index.ts",
        "GET",
        (w) => `/api/campaigns/${w.campaignId}/shortlist`,
        ids,
      ),
      expect: h.signedIn({
        CM: "allow",
        DIR: "allow",
        FIN: "deny",
        ADM: "allow",
        CLIENT: "deny",
        INF: "deny",
        OTHER_AGENCY_CM: "notfound",
      }),
    },
    "pages/api/campaigns/[id]/shortlist/index.ts POST": {
      call: r(
        "pages/api/campaigns/[id]/shortlist/index.ts",
        "POST",
        (w) => `/api/campaigns/${w.campaignId}/shortlist`,
        ids,
        (w) => ({ influencerId: w.newInfluencerId }),
      ),
      expect: editors,
    },
    "pages/api/campaigns/[id]/shortlist/[assignmentId]/index.ts PATCH": {
      call: r(
        "pages/api/campaigns/[id]/shortlist/[assignmentId]/index.ts",
        "PATCH",
        (w) => `/api/campaigns/${w.campaignId}/shortlist/${w.assignmentId}`,
        line,
        () => ({ proposedFee: "110" }),
      ),
      expect: editors,
    },
    "pages/api/campaigns/[id]/shortlist/[assignmentId]/index.ts DELETE": {
      call: r(
        "pages/api/campaigns/[id]/shortlist/[assignmentId]/index.ts",
        "DELETE",
        (w) => `/api/campaigns/${w.campaignId}/shortlist/${w.assignmentId}`,
        line,
      ),
      expect: editors,
    },
    "pages/api/notifications/index.ts GET": {
      call: r(
        "pages/api/notifications/index.ts",
        "GET",
        () => "/api/notifications",
        () => ({}),
      ),
      expect: everyone,
    },
    "pages/api/notifications/read/index.ts POST": {
      call: r(
        "pages/api/notifications/read/index.ts",
        "POST",
        () => "/api/notifications/read",
        () => ({}),
        () => ({ all: true }),
      ),
      expect: everyone,
    },
    [`${SHORTLIST_ACTIONS} searchShortlistCandidatesAction`]: {
      call: a("searchShortlistCandidatesAction", () => ({ q: "influencer" })),
      expect: h.signedIn({
        CM: "allow",
        DIR: "allow",
        FIN: "deny",
        ADM: "allow",
        CLIENT: "deny",
        INF: "deny",
        OTHER_AGENCY_CM: "allow",
      }),
    },
    [`${SHORTLIST_ACTIONS} addToShortlistAction`]: {
      call: a("addToShortlistAction", (w) => ({ campaignId: w.campaignId, influencerId: w.newInfluencerId })),
      expect: editors,
    },
    [`${SHORTLIST_ACTIONS} updateShortlistEntryAction`]: {
      call: a("updateShortlistEntryAction", (w) => ({
        campaignId: w.campaignId,
        assignmentId: w.assignmentId,
        changes: { proposedFee: "120" },
      })),
      expect: editors,
    },
    [`${SHORTLIST_ACTIONS} removeFromShortlistAction`]: {
      call: a("removeFromShortlistAction", (w) => ({ campaignId: w.campaignId, assignmentId: w.assignmentId })),
      expect: editors,
    },
    [`${APPROVAL_ACTIONS} requestApprovalAction`]: {
      call: a("requestApprovalAction", (w) => ({ campaignId: w.campaignId, type: "BRIEF" }), APPROVAL_ACTIONS, false),
      expect: editors,
    },
    [`${APPROVAL_ACTIONS} commentOnCampaignApprovalAction`]: {
      call: a(
        "commentOnCampaignApprovalAction",
        (w) => ({ approvalId: w.approvalId, campaignId: w.campaignId, body: "Matrix" }),
        APPROVAL_ACTIONS,
      ),
      expect: readers,
    },
    [`${APPROVAL_ACTIONS} decideApprovalAction`]: {
      call: a(
        "decideApprovalAction",
        (w) => ({ approvalId: w.approvalId, decision: { decision: "APPROVED" } }),
        APPROVAL_ACTIONS,
      ),
      expect: decider,
    },
    [`${APPROVAL_ACTIONS} commentOnApprovalAction`]: {
      call: a("commentOnApprovalAction", (w) => ({ approvalId: w.approvalId, body: "Matrix" }), APPROVAL_ACTIONS),
      expect: readers,
    },
    ["lib/actions/notifications.ts markNotificationsReadAction"]: {
      call: a("markNotificationsReadAction", () => ({ all: true }), "lib/actions/notifications.ts"),
      expect: everyone,
    },
  };
}
