import { beforeAll, describe, expect, it } from "vitest";
import type { AuthContext } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import { decrypt } from "@/lib/crypto/encryption";
import { createStubInfluencer } from "@/lib/domain/influencers/create-stub-influencer";
import { getInfluencer } from "@/lib/domain/influencers/get-influencer";
import { listPricingHistory } from "@/lib/domain/influencers/list-pricing-history";
import { promoteInfluencer } from "@/lib/domain/influencers/promote-influencer";
import { addRateCard, listRateCards, removeRateCard, updateRateCard } from "@/lib/domain/influencers/rate-cards";
import { setInfluencerStatus } from "@/lib/domain/influencers/set-influencer-status";
import {
  addSocialAccount,
  listSocialAccounts,
  removeSocialAccount,
  updateSocialAccount,
} from "@/lib/domain/influencers/social-accounts";
import { updateInfluencer } from "@/lib/domain/influencers/update-influencer";
import { createActor, createAgency, expectAppError, uid } from "../setup/factories";

// The influencer directory's rules against the real database: stubs, handle normalisation and uniqueness
// (the database refuses), STUB→FULL validation, optimistic locking, totals kept in step, tenant scoping.

let manager: AuthContext;
let finance: AuthContext;
let foreign: AuthContext;
let agencyId: string;

beforeAll(async () => {
  const agency = await createAgency("Influencers");
  agencyId = agency.id;
  manager = (await createActor(agency.id, { role: "CM" })).ctx;
  finance = (await createActor(agency.id, { role: "FIN" })).ctx;
  foreign = (await createActor((await createAgency("Influencers Other")).id, { role: "CM" })).ctx;
});

const stub = (handle = `h${uid()}`, platform = "INSTAGRAM") =>
  createStubInfluencer(manager, { displayName: `Stub ${handle}`, platform, handle, followers: 1000 });

describe("STUB profiles and handles", () => {
  it("creates a stub with its one handle, normalised, and an audit entry", async () => {
    const id = uid();
    const profile = await createStubInfluencer(manager, {
      displayName: "  Ana Quick ",
      platform: "TIKTOK",
      handle: `  @Ana.Quick${id} `,
      followers: 2500,
    });
    expect(profile).toMatchObject({ profileType: "STUB", displayName: "Ana Quick", totalFollowers: 2500, version: 1 });
    const socials = await db.socialAccount.findMany({ where: { influencerId: profile.id } });
    expect(socials.map((s) => s.handle)).toEqual([`ana.quick${id}`]);
    expect(await db.auditLog.count({ where: { agencyId, recordId: profile.id, action: "influencer.create" } })).toBe(1);
  });

  it("refuses a duplicate handle on the same platform (after normalisation) with 409 naming handle; other platforms and agencies are free", async () => {
    const handle = `dup${uid()}`;
    await stub(handle);
    const before = await db.influencerProfile.count({ where: { agencyId } });
    const error = await expectAppError(
      createStubInfluencer(manager, { displayName: "Copy", platform: "INSTAGRAM", handle: `@${handle.toUpperCase()}` }),
      "CONFLICT",
    );
    expect(error.status).toBe(409);
    expect(Object.keys(error.fields ?? {})).toEqual(["handle"]);
    expect(await db.influencerProfile.count({ where: { agencyId } })).toBe(before);
    await expect(stub(handle, "TIKTOK")).resolves.toBeTruthy();
    await expect(
      createStubInfluencer(foreign, { displayName: "Elsewhere", platform: "INSTAGRAM", handle }),
    ).resolves.toBeTruthy();
  });

  it("the database itself refuses a handle that is not normalised", async () => {
    const profile = await stub();
    await expect(
      db.socialAccount.create({ data: { agencyId, influencerId: profile.id, platform: "X", handle: "@Upper" } }),
    ).rejects.toThrow();
  });

  it("names each bad field of a stub", async () => {
    const error = await expectAppError(
      createStubInfluencer(manager, { displayName: " ", platform: "MYSPACE", handle: "@" }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["displayName", "handle", "platform"]);
  });
});

describe("STUB → FULL", () => {
  it("names every missing field, then promotes with encrypted payment details shown as the last 4 only", async () => {
    const profile = await stub();
    const error = await expectAppError(
      promoteInfluencer(manager, profile.id, { version: 1, displayName: profile.displayName }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["country", "email", "languages", "legalName", "niches"]);
    expect((await db.influencerProfile.findUniqueOrThrow({ where: { id: profile.id } })).profileType).toBe("STUB");

    const full = await promoteInfluencer(manager, profile.id, {
      version: 1,
      displayName: profile.displayName,
      legalName: "Ana Example",
      email: "ANA@example.test",
      country: "de",
      languages: "en, de",
      niches: ["Beauty"],
      paymentDetails: "DE89 3704 0044 0532 0130 00",
    });
    expect(full).toMatchObject({
      profileType: "FULL",
      email: "ana@example.test",
      country: "DE",
      languages: ["en", "de"],
      niches: ["beauty"],
      version: 2,
    });
    expect(full.paymentDetailsLast4).toBe("•••• 3000");
    expect(JSON.stringify(full)).not.toContain("3704");
    const stored = await db.influencerProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(stored.paymentDetails).not.toContain("3704");
    expect(decrypt(stored.paymentDetails!)).toBe("DE89 3704 0044 0532 0130 00");
    const audit = await db.auditLog.findFirstOrThrow({ where: { recordId: profile.id, action: "influencer.promote" } });
    expect(JSON.stringify(audit.diff)).not.toContain("3704");
    await expectAppError(
      promoteInfluencer(manager, profile.id, {
        version: 2,
        displayName: "x",
        legalName: "x",
        email: "a@b.test",
        country: "DE",
        languages: "en",
        niches: "x",
      }),
      "CONFLICT",
    );
    // A full profile keeps its full set.
    const emptied = await expectAppError(
      updateInfluencer(manager, profile.id, { version: 2, email: "", niches: "" }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(emptied.fields ?? {}).sort()).toEqual(["email", "niches"]);
  });
});

describe("edits", () => {
  it("optimistic locking: a stale version is refused with 409 and changes nothing", async () => {
    const profile = await stub();
    await updateInfluencer(manager, profile.id, { version: 1, city: "Berlin" });
    const stale = await expectAppError(
      updateInfluencer(manager, profile.id, { version: 1, city: "Paris" }),
      "STALE_VERSION",
    );
    expect(stale.message).toContain(manager.email);
    expect((await db.influencerProfile.findUniqueOrThrow({ where: { id: profile.id } })).city).toBe("Berlin");
    const blocked = await setInfluencerStatus(manager, profile.id, { status: "BLOCKED", version: 2 });
    expect(blocked.status).toBe("BLOCKED");
    expect(await db.auditLog.count({ where: { recordId: profile.id, action: "influencer.status" } })).toBe(1);
  });

  it("social accounts keep totalFollowers and topEngagement in step", async () => {
    const profile = await stub();
    const added = await addSocialAccount(manager, profile.id, {
      platform: "YOUTUBE",
      handle: `yt${uid()}`,
      followers: 5000,
      engagementRate: "4.25",
    });
    let row = await db.influencerProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(row.totalFollowers).toBe(6000);
    expect(row.topEngagement?.toFixed(3)).toBe("4.250");
    await updateSocialAccount(manager, profile.id, added.id, { followers: 9000, engagementRate: "1.5" });
    row = await db.influencerProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(row.totalFollowers).toBe(10000);
    expect(row.topEngagement?.toFixed(3)).toBe("1.500");
    await removeSocialAccount(manager, profile.id, added.id);
    row = await db.influencerProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(row.totalFollowers).toBe(1000);
    expect(row.topEngagement).toBeNull();
    const [last] = await listSocialAccounts(manager, profile.id);
    await expectAppError(removeSocialAccount(manager, profile.id, last.id), "CONFLICT");
    expect(JSON.stringify(last)).not.toContain("tokens");
  });

  it("rate cards: fees as strings with two decimals, unique per platform and deliverable", async () => {
    const profile = await stub();
    const card = await addRateCard(manager, profile.id, {
      platform: "INSTAGRAM",
      deliverableType: "INSTAGRAM_REEL",
      fee: "1200",
      currency: "EUR",
    });
    expect(card.fee).toBe("1200.00");
    const dup = await expectAppError(
      addRateCard(manager, profile.id, {
        platform: "INSTAGRAM",
        deliverableType: "INSTAGRAM_REEL",
        fee: "1",
        currency: "EUR",
      }),
      "CONFLICT",
    );
    expect(Object.keys(dup.fields ?? {})).toEqual(["deliverableType"]);
    expect((await updateRateCard(manager, profile.id, card.id, { fee: 999.5 })).fee).toBe("999.50");
    const bad = await expectAppError(
      addRateCard(manager, profile.id, {
        platform: "INSTAGRAM",
        deliverableType: "NOPE",
        fee: "1.234",
        currency: "XYZ",
      }),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["currency", "deliverableType", "fee"]);
    await removeRateCard(manager, profile.id, card.id);
    expect(await listRateCards(manager, profile.id)).toEqual([]);
  });

  it("get one profile: socials, rate cards, pricing history, campaigns", async () => {
    const profile = await stub();
    await db.pricingHistory.create({
      data: {
        agencyId,
        influencerId: profile.id,
        campaignId: crypto.randomUUID(),
        fee: "450.00",
        currency: "EUR",
        deliverableType: "TIKTOK_VIDEO",
      },
    });
    const detail = await getInfluencer(manager, profile.id);
    expect(detail.socialAccounts).toHaveLength(1);
    expect(detail.pricingHistory).toMatchObject([{ fee: "450.00", currency: "EUR", campaignName: null }]);
    expect(detail.campaigns).toEqual([]);
    expect(detail).not.toHaveProperty("paymentDetails");
    expect(await listPricingHistory(manager, profile.id)).toHaveLength(1);
  });
});

describe("tenant scoping and permissions", () => {
  it("another agency gets NOT_FOUND from every function; a role without the permission gets FORBIDDEN", async () => {
    const profile = await stub();
    const social = (await listSocialAccounts(manager, profile.id))[0];
    const card = await addRateCard(manager, profile.id, {
      platform: "X",
      deliverableType: "X_POST",
      fee: "10",
      currency: "EUR",
    });
    const calls: (() => Promise<unknown>)[] = [
      () => getInfluencer(foreign, profile.id),
      () => updateInfluencer(foreign, profile.id, { version: 1, city: "Nope" }),
      () =>
        promoteInfluencer(foreign, profile.id, {
          version: 1,
          displayName: "x",
          legalName: "x",
          email: "a@b.test",
          country: "DE",
          languages: "en",
          niches: "x",
        }),
      () => setInfluencerStatus(foreign, profile.id, { status: "BLOCKED", version: 1 }),
      () => listSocialAccounts(foreign, profile.id),
      () => addSocialAccount(foreign, profile.id, { platform: "X", handle: `f${uid()}` }),
      () => updateSocialAccount(foreign, profile.id, social.id, { followers: 1 }),
      () => removeSocialAccount(foreign, profile.id, social.id),
      () => listRateCards(foreign, profile.id),
      () => addRateCard(foreign, profile.id, { platform: "X", deliverableType: "OTHER", fee: "1", currency: "EUR" }),
      () => updateRateCard(foreign, profile.id, card.id, { fee: "2" }),
      () => removeRateCard(foreign, profile.id, card.id),
      () => listPricingHistory(foreign, profile.id),
      () => getInfluencer(manager, "not-a-uuid"),
    ];
    for (const call of calls) await expectAppError(call, "NOT_FOUND");
    await expectAppError(
      createStubInfluencer(finance, { displayName: "x", platform: "X", handle: `x${uid()}` }),
      "FORBIDDEN",
    );
    await expectAppError(getInfluencer(finance, profile.id), "FORBIDDEN");
    const after = await db.influencerProfile.findUniqueOrThrow({ where: { id: profile.id } });
    expect(after).toMatchObject({ version: 1, status: "ACTIVE", city: null });
    expect(await db.rateCard.count({ where: { influencerId: profile.id } })).toBe(1);
  });
});
