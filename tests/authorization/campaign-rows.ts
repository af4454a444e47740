import type { AuthContext } from "@/lib/auth/context";
import { createCampaignRow } from "../setup/campaign-factories";

// The authorization matrix rows of campaigns (handlers and actions), spread into TABLE in matrix.test.ts.
// Each call makes its own DRAFT campaign of the fixture's client (the CLIENT user's), owned by the matrix CM.

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

export function campaignRows<F extends Fixture>(
  h: Helpers<F>,
): Record<string, { call: Call<F>; expect: Record<RoleKey, Outcome> }> {
  const ACTIONS = "lib/actions/campaigns.ts";
  const LIST = "pages/api/campaigns/index.ts";
  const ONE = "pages/api/campaigns/[id]/index.ts";
  const MOVES = "pages/api/campaigns/[id]/transitions/index.ts";
  /** Makes the campaign first, then runs the call with its id. */
  const withCampaign =
    (make: (campaignId: string, f: F) => Call<F>): Call<F> =>
    async (f) => {
      const campaign = await createCampaignRow(h.agencyId(), { clientId: f.clientId, ownerId: h.cm().userId });
      return make(campaign.id, f)(f);
    };
  const fields = (f: F) => ({
    clientId: f.clientId,
    name: `Matrix campaign ${Math.random().toString(36).slice(2, 8)}`,
  });
  // A foreign agency's CM names a client that does not exist for them: the input is refused (400).
  const creators = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "invalid",
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
  const editors = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  return {
    [`${LIST} GET`]: {
      call: h.route(
        LIST,
        "GET",
        () => "/api/campaigns",
        () => ({}),
      ),
      expect: h.signedIn({
        CM: "allow",
        DIR: "allow",
        FIN: "allow",
        ADM: "allow",
        CLIENT: "allow",
        INF: "deny",
        OTHER_AGENCY_CM: "allow",
      }),
    },
    [`${LIST} POST`]: {
      call: (f) =>
        h.route(
          LIST,
          "POST",
          () => "/api/campaigns",
          () => ({}),
          () => fields(f),
        )(f),
      expect: creators,
    },
    [`${ONE} GET`]: {
      call: withCampaign((id) =>
        h.route(
          ONE,
          "GET",
          () => `/api/campaigns/${id}`,
          () => ({ id }),
        ),
      ),
      expect: readers,
    },
    [`${ONE} PATCH`]: {
      call: withCampaign((id) =>
        h.route(
          ONE,
          "PATCH",
          () => `/api/campaigns/${id}`,
          () => ({ id }),
          () => ({ version: 1, objective: "Matrix" }),
        ),
      ),
      expect: editors,
    },
    [`${MOVES} GET`]: {
      call: withCampaign((id) =>
        h.route(
          MOVES,
          "GET",
          () => `/api/campaigns/${id}/transitions`,
          () => ({ id }),
        ),
      ),
      expect: readers,
    },
    [`${MOVES} POST`]: {
      call: withCampaign((id) =>
        h.route(
          MOVES,
          "POST",
          () => `/api/campaigns/${id}/transitions`,
          () => ({ id }),
          () => ({ to: "ON_HOLD" }),
        ),
      ),
      expect: editors,
    },
    [`${ACTIONS} createCampaignAction`]: {
      call: (f) => h.action(ACTIONS, "createCampaignAction", () => fields(f))(f),
      expect: creators,
    },
    [`${ACTIONS} updateCampaignAction`]: {
      call: withCampaign((id) =>
        h.action(ACTIONS, "updateCampaignAction", () => ({ id, version: 1, objective: "Matrix" })),
      ),
      expect: editors,
    },
    [`${ACTIONS} transitionCampaignAction`]: {
      call: withCampaign((id) => h.action(ACTIONS, "transitionCampaignAction", () => ({ id, to: "ON_HOLD" }))),
      expect: editors,
    },
  };
}
