import { db } from "@/lib/db/client";

// The authorization matrix rows of the influencer directory (handlers and actions), spread into TABLE in
// matrix.test.ts. Each call makes its own STUB (with one handle and one rate card) in the matrix agency.

type Outcome = "allow" | "unauth" | "deny" | "notfound" | "invalid";
type RoleKey = "anon" | "CM" | "DIR" | "FIN" | "ADM" | "CLIENT" | "INF" | "OTHER_AGENCY_CM";
type Call<F> = (f: F) => Promise<Outcome>;
type Helpers<F> = {
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
};
type Made = { id: string; socialId: string; rateCardId: string };

const rnd = () => Math.random().toString(36).slice(2, 10);

export function influencerRows<F>(h: Helpers<F>): Record<string, { call: Call<F>; expect: Record<RoleKey, Outcome> }> {
  const ACTIONS = "lib/actions/influencers.ts";
  const API = "pages/api/influencers";
  const withInfluencer =
    (make: (m: Made) => Call<F>): Call<F> =>
    async (f) => {
      const agencyId = h.agencyId();
      const profile = await db.influencerProfile.create({
        data: {
          agencyId,
          displayName: `Matrix influencer ${rnd()}`,
          socialAccounts: { create: { agencyId, platform: "INSTAGRAM", handle: `matrix${rnd()}` } },
        },
        include: { socialAccounts: true },
      });
      // A second account, so removing one is allowed (the last one stays).
      await db.socialAccount.create({
        data: { agencyId, influencerId: profile.id, platform: "TIKTOK", handle: `matrix${rnd()}` },
      });
      const card = await db.rateCard.create({
        data: {
          agencyId,
          influencerId: profile.id,
          platform: "INSTAGRAM",
          deliverableType: "INSTAGRAM_POST",
          fee: "100.00",
          currency: "EUR",
        },
      });
      return make({ id: profile.id, socialId: profile.socialAccounts[0].id, rateCardId: card.id })(f);
    };
  const readers = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "allow",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "allow",
  });
  const readOne = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "allow",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "notfound",
  });
  const creators = h.signedIn({
    CM: "allow",
    DIR: "allow",
    FIN: "deny",
    ADM: "deny",
    CLIENT: "deny",
    INF: "deny",
    OTHER_AGENCY_CM: "allow",
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
  const stub = () => ({ displayName: `Matrix stub ${rnd()}`, platform: "INSTAGRAM", handle: `matrix${rnd()}` });
  const full = {
    displayName: "Matrix Full",
    legalName: "Matrix Full Ltd",
    email: "matrix@full.test",
    country: "DE",
    languages: "en",
    niches: "matrix",
    version: 1,
  };
  const csv = () => `display_name,platform,handle\nMatrix import ${rnd()},instagram,matrix${rnd()}\n`;
  const rows = () => ({
    rows: [
      { line: 2, values: { display_name: `Matrix import ${rnd()}`, platform: "instagram", handle: `matrix${rnd()}` } },
    ],
  });
  const r = (
    file: string,
    method: string,
    url: (m: Made) => string,
    params: (m: Made) => Record<string, string>,
    body?: () => unknown,
  ) =>
    withInfluencer((m) =>
      h.route(
        `${API}/${file}`,
        method,
        () => url(m),
        () => params(m),
        body,
      ),
    );
  const a = (name: string, input: (m: Made) => unknown) =>
    withInfluencer((m) => h.action(ACTIONS, name, () => input(m)));
  return {
    [`${API}/index.ts GET`]: {
      call: h.route(
        `${API}/index.ts`,
        "GET",
        () => "/api/influencers?q=matrix",
        () => ({}),
      ),
      expect: readers,
    },
    [`${API}/index.ts POST`]: {
      call: h.route(
        `${API}/index.ts`,
        "POST",
        () => "/api/influencers",
        () => ({}),
        stub,
      ),
      expect: creators,
    },
    [`${API}/export.csv/index.ts GET`]: {
      call: h.route(
        `${API}/export.csv/index.ts`,
        "GET",
        () => "/api/influencers/export.csv?q=matrix",
        () => ({}),
      ),
      expect: readers,
    },
    [`${API}/import/preview/index.ts POST`]: {
      call: h.route(
        `${API}/import/preview/index.ts`,
        "POST",
        () => "/api/influencers/import/preview",
        () => ({}),
        () => ({ csv: csv() }),
      ),
      expect: creators,
    },
    [`${API}/import/index.ts POST`]: {
      call: h.route(
        `${API}/import/index.ts`,
        "POST",
        () => "/api/influencers/import",
        () => ({}),
        () => ({ csv: csv() }),
      ),
      expect: creators,
    },
    [`${API}/[id]/index.ts GET`]: {
      call: r(
        "[id]/index.ts",
        "GET",
        (m) => `/api/influencers/${m.id}`,
        (m) => ({ id: m.id }),
      ),
      expect: readOne,
    },
    [`${API}/[id]/index.ts PATCH`]: {
      call: r(
        "[id]/index.ts",
        "PATCH",
        (m) => `/api/influencers/${m.id}`,
        (m) => ({ id: m.id }),
        () => ({ version: 1, city: "Matrix" }),
      ),
      expect: editors,
    },
    [`${API}/[id]/promote/index.ts POST`]: {
      call: r(
        "[id]/promote/index.ts",
        "POST",
        (m) => `/api/influencers/${m.id}/promote`,
        (m) => ({ id: m.id }),
        () => full,
      ),
      expect: editors,
    },
    [`${API}/[id]/socials/index.ts GET`]: {
      call: r(
        "[id]/socials/index.ts",
        "GET",
        (m) => `/api/influencers/${m.id}/socials`,
        (m) => ({ id: m.id }),
      ),
      expect: readOne,
    },
    [`${API}/[id]/socials/index.ts POST`]: {
      call: r(
        "[id]/socials/index.ts",
        "POST",
        (m) => `/api/influencers/${m.id}/socials`,
        (m) => ({ id: m.id }),
        () => ({ platform: "YOUTUBE", handle: `matrix${rnd()}` }),
      ),
      expect: editors,
    },
    [`${API}/[id]/socials/[socialId]/index.ts PATCH`]: {
      call: r(
        "[id]/socials/[socialId]/index.ts",
        "PATCH",
        (m) => `/api/influencers/${m.id}/socials/${m.socialId}`,
        (m) => ({ id: m.id, socialId: m.socialId }),
        () => ({ followers: 5 }),
      ),
      expect: editors,
    },
    [`${API}/[id]/socials/[socialId]/index.ts DELETE`]: {
      call: r(
        "[id]/socials/[socialId]/index.ts",
        "DELETE",
        (m) => `/api/influencers/${m.id}/socials/${m.socialId}`,
        (m) => ({ id: m.id, socialId: m.socialId }),
      ),
      expect: editors,
    },
    [`${API}/[id]/rate-cards/index.ts GET`]: {
      call: r(
        "[id]/rate-cards/index.ts",
        "GET",
        (m) => `/api/influencers/${m.id}/rate-cards`,
        (m) => ({ id: m.id }),
      ),
      expect: readOne,
    },
    [`${API}/[id]/rate-cards/index.ts POST`]: {
      call: r(
        "[id]/rate-cards/index.ts",
        "POST",
        (m) => `/api/influencers/${m.id}/rate-cards`,
        (m) => ({ id: m.id }),
        () => ({ platform: "X", deliverableType: "X_POST", fee: "10", currency: "EUR" }),
      ),
      expect: editors,
    },
    [`${API}/[id]/rate-cards/[rateCardId]/index.ts PATCH`]: {
      call: r(
        "[id]/rate-cards/[rateCardId]/index.ts",
        "PATCH",
        (m) => `/api/influencers/${m.id}/rate-cards/${m.rateCardId}`,
        (m) => ({ id: m.id, rateCardId: m.rateCardId }),
        () => ({ fee: "11" }),
      ),
      expect: editors,
    },
    [`${API}/[id]/rate-cards/[rateCardId]/index.ts DELETE`]: {
      call: r(
        "[id]/rate-cards/[rateCardId]/index.ts",
        "DELETE",
        (m) => `/api/influencers/${m.id}/rate-cards/${m.rateCardId}`,
        (m) => ({ id: m.id, rateCardId: m.rateCardId }),
      ),
      expect: editors,
    },
    [`${API}/[id]/pricing-history/index.ts GET`]: {
      call: r(
        "[id]/pricing-history/index.ts",
        "GET",
        (m) => `/api/influencers/${m.id}/pricing-history`,
        (m) => ({ id: m.id }),
      ),
      expect: readOne,
    },

    [`${ACTIONS} createStubAction`]: { call: h.action(ACTIONS, "createStubAction", stub), expect: creators },
    [`${ACTIONS} promoteInfluencerAction`]: {
      call: a("promoteInfluencerAction", (m) => ({ id: m.id, ...full })),
      expect: editors,
    },
    [`${ACTIONS} updateInfluencerAction`]: {
      call: a("updateInfluencerAction", (m) => ({ id: m.id, version: 1, city: "Matrix" })),
      expect: editors,
    },
    [`${ACTIONS} setInfluencerStatusAction`]: {
      call: a("setInfluencerStatusAction", (m) => ({ id: m.id, version: 1, status: "INACTIVE" })),
      expect: editors,
    },
    [`${ACTIONS} addSocialAccountAction`]: {
      call: a("addSocialAccountAction", (m) => ({ influencerId: m.id, platform: "TWITCH", handle: `matrix${rnd()}` })),
      expect: editors,
    },
    [`${ACTIONS} updateSocialAccountAction`]: {
      call: a("updateSocialAccountAction", (m) => ({ influencerId: m.id, socialId: m.socialId, followers: 7 })),
      expect: editors,
    },
    [`${ACTIONS} removeSocialAccountAction`]: {
      call: a("removeSocialAccountAction", (m) => ({ influencerId: m.id, socialId: m.socialId })),
      expect: editors,
    },
    [`${ACTIONS} addRateCardAction`]: {
      call: a("addRateCardAction", (m) => ({
        influencerId: m.id,
        platform: "TIKTOK",
        deliverableType: "TIKTOK_VIDEO",
        fee: "1",
        currency: "EUR",
      })),
      expect: editors,
    },
    [`${ACTIONS} updateRateCardAction`]: {
      call: a("updateRateCardAction", (m) => ({ influencerId: m.id, rateCardId: m.rateCardId, fee: "2" })),
      expect: editors,
    },
    [`${ACTIONS} removeRateCardAction`]: {
      call: a("removeRateCardAction", (m) => ({ influencerId: m.id, rateCardId: m.rateCardId })),
      expect: editors,
    },
    [`${ACTIONS} previewImportAction`]: { call: h.action(ACTIONS, "previewImportAction", rows), expect: creators },
    [`${ACTIONS} commitImportAction`]: { call: h.action(ACTIONS, "commitImportAction", rows), expect: creators },
  };
}
